namespace CampaignGrains.Statistics;

/// <summary>
/// The persisted form of a grain's statistics: one compact binary record. Counts are variable-length integers
/// and zero counters are skipped; the leading format version lets later releases read older records.
/// </summary>
public static class StatisticsCodec
{
    /// <summary>2: without the idempotency ledger of version 1, which the ingest log replaced.</summary>
    private const byte FormatVersion = 2;

    public static byte[] Encode(DeliveryStatistics statistics)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            WriteCounts(writer, statistics.Totals);
            WriteList(writer, statistics.Live.Occupied().ToList(), (w, item) => { w.Write7BitEncodedInt64(item.Bucket); WriteCounts(w, item.Counts); });
            WriteList(writer, statistics.Daily.Days.ToList(), (w, item) => { w.Write7BitEncodedInt64(item.Day); WriteCounts(w, item.Counts); });
            foreach (var breakdown in BreakdownsOf(statistics)) WriteBreakdown(writer, breakdown);
            WriteUnique(writer, statistics.UniqueOpens);
            WriteUnique(writer, statistics.UniqueClicks);
        }
        return stream.ToArray();
    }

    /// <summary>Reads version 2, and version 1 without its ledger.</summary>
    public static DeliveryStatistics Decode(ReadOnlySpan<byte> payload, StatisticsShape shape)
    {
        var statistics = new DeliveryStatistics(shape);
        if (payload.IsEmpty) return statistics;

        using var reader = new BinaryReader(new MemoryStream(payload.ToArray()), System.Text.Encoding.UTF8);
        var version = reader.ReadByte();
        if (version is not (1 or FormatVersion)) throw new InvalidDataException($"Statistics record has format version {version}; this build reads versions 1 and {FormatVersion}.");

        statistics.Totals = ReadCounts(reader);
        ReadList(reader, r => statistics.Live.Restore(r.Read7BitEncodedInt64(), ReadCounts(r)));
        ReadList(reader, r => statistics.Daily.Restore(r.Read7BitEncodedInt64(), ReadCounts(r)));
        foreach (var breakdown in BreakdownsOf(statistics)) ReadBreakdown(reader, breakdown);
        ReadUnique(reader, statistics.UniqueOpens);
        ReadUnique(reader, statistics.UniqueClicks);
        return statistics;
    }

    private static IEnumerable<Breakdown?> BreakdownsOf(DeliveryStatistics s) =>
        [s.BounceReasons, s.ErrorReasons, s.ExcludeReasons, s.Domains, s.Platforms];

    private static void WriteBreakdown(BinaryWriter writer, Breakdown? breakdown)
    {
        if (breakdown is null) return;
        WriteEntry(writer, breakdown.Other);
        WriteList(writer, breakdown.Entries.ToList(), (w, pair) => { w.Write(pair.Key); WriteEntry(w, pair.Value); });
    }

    private static void ReadBreakdown(BinaryReader reader, Breakdown? breakdown)
    {
        if (breakdown is null) return;
        ReadEntryInto(reader, breakdown.Other);
        ReadList(reader, r =>
        {
            var key = r.ReadString();
            breakdown.Restore(key, ReadEntry(r, breakdown.Metrics));
        });
    }

    private static void WriteEntry(BinaryWriter writer, BreakdownEntry entry)
    {
        writer.Write7BitEncodedInt64(entry.MaxUndercount);
        WriteCounts(writer, entry.Totals);
        WriteList(writer, entry.Live.Hours.ToList(), (w, hour) => { w.Write7BitEncodedInt64(hour.Hour); WriteCounts(w, hour.Counts); });
    }

    private static BreakdownEntry ReadEntry(BinaryReader reader, MetricMask metrics)
    {
        var entry = new BreakdownEntry(reader.Read7BitEncodedInt64(), metrics);
        ReadEntryBody(reader, entry);
        return entry;
    }

    private static void ReadEntryInto(BinaryReader reader, BreakdownEntry entry)
    {
        reader.Read7BitEncodedInt64();
        ReadEntryBody(reader, entry);
    }

    private static void ReadEntryBody(BinaryReader reader, BreakdownEntry entry)
    {
        entry.Totals = ReadCounts(reader);
        ReadList(reader, r => entry.Live.Restore(r.Read7BitEncodedInt64(), ReadCounts(r)));
    }

    private static void WriteUnique(BinaryWriter writer, UniqueProfiles? unique)
    {
        if (unique is null) return;
        WriteSketch(writer, unique.AllTime);
        WriteList(writer, unique.Hours.ToList(), (w, hour) => { w.Write7BitEncodedInt64(hour.Hour); WriteSketch(w, hour.Sketch); });
    }

    private static void ReadUnique(BinaryReader reader, UniqueProfiles? unique)
    {
        if (unique is null) return;
        var allTime = ReadSketch(reader, StatisticsShape.AllTimeUniquePrecision);
        var hours = new List<(long, HyperLogLog)>();
        ReadList(reader, r => hours.Add((r.Read7BitEncodedInt64(), ReadSketch(r, StatisticsShape.HourlyUniquePrecision))));
        unique.Restore(allTime, hours);
    }

    /// <summary>Sparse (index gap, rank) pairs while few registers are set, raw registers otherwise.</summary>
    private static void WriteSketch(BinaryWriter writer, HyperLogLog sketch)
    {
        var registers = sketch.Registers;
        var set = 0;
        foreach (var register in registers) if (register != 0) set++;
        var sparse = set * 3 < registers.Length;
        writer.Write(sparse);
        if (!sparse)
        {
            writer.Write(registers);
            return;
        }
        writer.Write7BitEncodedInt(set);
        var previous = -1;
        for (var i = 0; i < registers.Length; i++)
        {
            if (registers[i] == 0) continue;
            writer.Write7BitEncodedInt(i - previous);
            writer.Write(registers[i]);
            previous = i;
        }
    }

    private static HyperLogLog ReadSketch(BinaryReader reader, int precision)
    {
        var sketch = new HyperLogLog(precision);
        var registers = sketch.WritableRegisters;
        if (!reader.ReadBoolean())
        {
            reader.BaseStream.ReadExactly(registers);
            return sketch;
        }
        var set = reader.Read7BitEncodedInt();
        var index = -1;
        for (var i = 0; i < set; i++)
        {
            index += reader.Read7BitEncodedInt();
            registers[index] = reader.ReadByte();
        }
        return sketch;
    }

    /// <summary>A bit mask of the non-zero metrics, then their values.</summary>
    private static void WriteCounts(BinaryWriter writer, in MetricCounts counts)
    {
        ushort present = 0;
        for (var i = 0; i < MetricCounts.Length; i++) if (counts[i] != 0) present |= (ushort)(1 << i);
        writer.Write7BitEncodedInt(present);
        for (var i = 0; i < MetricCounts.Length; i++) if (counts[i] != 0) writer.Write7BitEncodedInt64(counts[i]);
    }

    private static MetricCounts ReadCounts(BinaryReader reader)
    {
        var present = reader.Read7BitEncodedInt();
        var counts = default(MetricCounts);
        for (var i = 0; i < MetricCounts.Length; i++) if ((present & (1 << i)) != 0) counts[i] = reader.Read7BitEncodedInt64();
        return counts;
    }

    private static void WriteList<T>(BinaryWriter writer, IReadOnlyCollection<T> items, Action<BinaryWriter, T> write)
    {
        writer.Write7BitEncodedInt(items.Count);
        foreach (var item in items) write(writer, item);
    }

    private static void ReadList(BinaryReader reader, Action<BinaryReader> read)
    {
        var count = reader.Read7BitEncodedInt();
        for (var i = 0; i < count; i++) read(reader);
    }
}
