namespace CampaignGrains.Statistics;

/// <summary>
/// The persisted form of a grain's statistics: one compact binary record. Counts are variable-length integers
/// and zero counters are skipped; the leading format version lets later releases read older records.
/// </summary>
public static class StatisticsCodec
{
    /// <summary>
    /// 3: unique sketches exact (their hashes) while small, registers packed 6 bits each, hourly sketches at
    /// precision 12. 2: without the idempotency ledger of version 1, which the ingest log replaced.
    /// </summary>
    private const byte FormatVersion = 3;

    /// <summary>Versions 1 and 2 stored every sketch as registers: all-time at precision 12, hourly at precision 10.</summary>
    private const int EarlierHourlyPrecision = 10;

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

    /// <summary>Reads version 3, version 2, and version 1 without its ledger (which follows everything else).</summary>
    public static DeliveryStatistics Decode(ReadOnlySpan<byte> payload, StatisticsShape shape)
    {
        var statistics = new DeliveryStatistics(shape);
        if (payload.IsEmpty) return statistics;

        using var reader = new BinaryReader(new MemoryStream(payload.ToArray()), System.Text.Encoding.UTF8);
        var version = reader.ReadByte();
        if (version is not (1 or 2 or FormatVersion)) throw new InvalidDataException($"Statistics record has format version {version}; this build reads versions 1 to {FormatVersion}.");

        statistics.Totals = ReadCounts(reader);
        ReadList(reader, r => statistics.Live.Restore(r.Read7BitEncodedInt64(), ReadCounts(r)));
        ReadList(reader, r => statistics.Daily.Restore(r.Read7BitEncodedInt64(), ReadCounts(r)));
        foreach (var breakdown in BreakdownsOf(statistics)) ReadBreakdown(reader, breakdown);
        Func<BinaryReader, int, UniqueSketch> readSketch = version == FormatVersion ? ReadSketch : ReadEarlierSketch;
        var hourlyPrecision = version == FormatVersion ? StatisticsShape.HourlyUniquePrecision : EarlierHourlyPrecision;
        ReadUnique(reader, statistics.UniqueOpens, readSketch, hourlyPrecision);
        ReadUnique(reader, statistics.UniqueClicks, readSketch, hourlyPrecision);
        return statistics;
    }

    private static IEnumerable<Breakdown?> BreakdownsOf(DeliveryStatistics s) =>
        [s.BounceReasons, s.ErrorReasons, s.ExcludeReasons, s.Domains, s.Platforms];

    /// <summary>Other's slot (its undercount always 0), then the keys' slots.</summary>
    private static void WriteBreakdown(BinaryWriter writer, Breakdown? breakdown)
    {
        if (breakdown is null) return;
        var slots = breakdown.StoredSlots().ToList();
        WriteSlot(writer, slots[0]);
        WriteList(writer, slots[1..], (w, slot) => { w.Write(slot.Key!); WriteSlot(w, slot); });
    }

    private static void ReadBreakdown(BinaryReader reader, Breakdown? breakdown)
    {
        if (breakdown is null) return;
        breakdown.Restore(ReadSlot(reader, key: null));
        ReadList(reader, r => breakdown.Restore(ReadSlot(r, r.ReadString())));
    }

    private static void WriteSlot(BinaryWriter writer, BreakdownSlot slot)
    {
        writer.Write7BitEncodedInt64(slot.MaxUndercount);
        WriteCounts(writer, slot.Totals);
        WriteList(writer, slot.Hours, (w, hour) => { w.Write7BitEncodedInt64(hour.Hour); WriteCounts(w, hour.Counts); });
    }

    private static BreakdownSlot ReadSlot(BinaryReader reader, string? key)
    {
        var maxUndercount = reader.Read7BitEncodedInt64();
        var totals = ReadCounts(reader);
        var hours = new List<(long, MetricCounts)>();
        ReadList(reader, r => hours.Add((r.Read7BitEncodedInt64(), ReadCounts(r))));
        return new BreakdownSlot(key, key is null ? 0 : maxUndercount, totals, hours);
    }

    private static void WriteUnique(BinaryWriter writer, UniqueProfiles? unique)
    {
        if (unique is null) return;
        WriteSketch(writer, unique.AllTime);
        WriteList(writer, unique.Hours.ToList(), (w, hour) => { w.Write7BitEncodedInt64(hour.Hour); WriteSketch(w, hour.Sketch); });
    }

    private static void ReadUnique(BinaryReader reader, UniqueProfiles? unique, Func<BinaryReader, int, UniqueSketch> readSketch, int hourlyPrecision)
    {
        if (unique is null) return;
        var allTime = readSketch(reader, StatisticsShape.AllTimeUniquePrecision);
        var hours = new List<(long, UniqueSketch)>();
        ReadList(reader, r => hours.Add((r.Read7BitEncodedInt64(), readSketch(r, hourlyPrecision))));
        unique.Restore(allTime, hours);
    }

    private enum SketchForm : byte
    {
        /// <summary>The count of hashes, then the hashes in ascending order.</summary>
        Exact,
        /// <summary>Precision, the count of non-zero registers, then (index gap, register) pairs.</summary>
        SparseRegisters,
        /// <summary>Precision, then every register packed at 6 bits.</summary>
        PackedRegisters,
    }

    private static void WriteSketch(BinaryWriter writer, UniqueSketch sketch)
    {
        if (sketch.Dense is not { } dense)
        {
            writer.Write((byte)SketchForm.Exact);
            writer.Write7BitEncodedInt(sketch.Hashes.Length);
            foreach (var hash in sketch.Hashes) writer.Write(hash);
            return;
        }
        var registers = dense.Registers;
        var set = 0;
        foreach (var register in registers) if (register != 0) set++;
        // A pair takes at most three bytes.
        var sparse = set * 3 < HyperLogLog.StoredLength(dense.Precision);
        writer.Write((byte)(sparse ? SketchForm.SparseRegisters : SketchForm.PackedRegisters));
        writer.Write((byte)dense.Precision);
        if (sparse) WriteSparseRegisters(writer, registers, set);
        else WritePackedRegisters(writer, registers);
    }

    private static UniqueSketch ReadSketch(BinaryReader reader, int precision)
    {
        var form = (SketchForm)reader.ReadByte();
        if (form == SketchForm.Exact)
        {
            var hashes = new ulong[reader.Read7BitEncodedInt()];
            for (var i = 0; i < hashes.Length; i++) hashes[i] = reader.ReadUInt64();
            return UniqueSketch.FromHashes(precision, hashes);
        }
        var dense = new HyperLogLog(reader.ReadByte());
        switch (form)
        {
            case SketchForm.SparseRegisters: ReadSparseRegisters(reader, dense.WritableRegisters); break;
            case SketchForm.PackedRegisters: ReadPackedRegisters(reader, dense.WritableRegisters); break;
            default: throw new InvalidDataException($"Unknown sketch form {(byte)form}.");
        }
        return UniqueSketch.FromRegisters(dense);
    }

    /// <summary>Versions 1 and 2: a flag, then sparse (index gap, register) pairs or the raw registers.</summary>
    private static UniqueSketch ReadEarlierSketch(BinaryReader reader, int precision)
    {
        var dense = new HyperLogLog(precision);
        if (reader.ReadBoolean()) ReadSparseRegisters(reader, dense.WritableRegisters);
        else reader.BaseStream.ReadExactly(dense.WritableRegisters);
        return UniqueSketch.FromRegisters(dense);
    }

    private static void WriteSparseRegisters(BinaryWriter writer, ReadOnlySpan<byte> registers, int set)
    {
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

    private static void ReadSparseRegisters(BinaryReader reader, Span<byte> registers)
    {
        var set = reader.Read7BitEncodedInt();
        var index = -1;
        for (var i = 0; i < set; i++)
        {
            index += reader.Read7BitEncodedInt();
            registers[index] = reader.ReadByte();
        }
    }

    /// <summary>Four registers in three bytes, the first register in the low bits.</summary>
    private static void WritePackedRegisters(BinaryWriter writer, ReadOnlySpan<byte> registers)
    {
        for (var i = 0; i < registers.Length; i += 4)
        {
            var group = registers[i] | registers[i + 1] << 6 | registers[i + 2] << 12 | registers[i + 3] << 18;
            writer.Write((byte)group);
            writer.Write((byte)(group >> 8));
            writer.Write((byte)(group >> 16));
        }
    }

    private static void ReadPackedRegisters(BinaryReader reader, Span<byte> registers)
    {
        const int registerMask = (1 << HyperLogLog.StoredBitsPerRegister) - 1;
        for (var i = 0; i < registers.Length; i += 4)
        {
            var group = reader.ReadByte() | reader.ReadByte() << 8 | reader.ReadByte() << 16;
            for (var j = 0; j < 4; j++) registers[i + j] = (byte)(group >> (6 * j) & registerMask);
        }
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
