using System.Text;

namespace CampaignGrains.Grains.Log;

/// <summary>
/// The stored form of a log entry's campaigns: strings (campaign keys, domains, platforms, reasons) once each in
/// a table, events as a few bytes plus the 8-byte profile hash, times as variable-length offsets from the first.
/// About 16 to 20 bytes an event, so a batch of 10,000 events fits one 1 MB table entity with room to spare.
/// </summary>
public static class LogEntryCodec
{
    private const byte FormatVersion = 1;

    public static byte[] Encode(IReadOnlyList<CampaignEvents> campaigns)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        int Index(string? value)
        {
            if (value is null) return 0;
            if (!strings.TryGetValue(value, out var index)) strings.Add(value, index = strings.Count + 1);
            return index;
        }
        foreach (var campaign in campaigns)
        {
            Index(campaign.Key);
            foreach (var e in campaign.Events) { Index(e.Domain); Index(e.Platform); Index(e.Reason); }
        }

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write7BitEncodedInt(strings.Count);
            foreach (var value in strings.Keys) writer.Write(value);
            var baseTicks = campaigns.SelectMany(c => c.Events).Select(e => e.Time.UtcTicks).DefaultIfEmpty().Min();
            writer.Write(baseTicks);
            writer.Write7BitEncodedInt(campaigns.Count);
            foreach (var campaign in campaigns)
            {
                writer.Write7BitEncodedInt(Index(campaign.Key));
                writer.Write7BitEncodedInt(campaign.Events.Length);
                foreach (var e in campaign.Events)
                {
                    writer.Write((byte)e.Kind);
                    writer.Write((byte)e.Channel);
                    writer.Write((byte)e.BounceType);
                    writer.Write7BitEncodedInt64(e.Time.UtcTicks - baseTicks);
                    writer.Write(e.ProfileHash);
                    writer.Write7BitEncodedInt(Index(e.Domain));
                    writer.Write7BitEncodedInt(Index(e.Platform));
                    writer.Write7BitEncodedInt(Index(e.Reason));
                }
            }
        }
        return stream.ToArray();
    }

    public static CampaignEvents[] Decode(byte[] data)
    {
        using var reader = new BinaryReader(new MemoryStream(data), Encoding.UTF8);
        var version = reader.ReadByte();
        if (version != FormatVersion) throw new InvalidDataException($"Log entry has format version {version}; this build reads version {FormatVersion}.");
        var strings = new string?[reader.Read7BitEncodedInt() + 1];
        for (var i = 1; i < strings.Length; i++) strings[i] = reader.ReadString();
        var baseTicks = reader.ReadInt64();
        var campaigns = new CampaignEvents[reader.Read7BitEncodedInt()];
        for (var c = 0; c < campaigns.Length; c++)
        {
            var key = strings[reader.Read7BitEncodedInt()]!;
            var events = new TalliedEvent[reader.Read7BitEncodedInt()];
            for (var i = 0; i < events.Length; i++)
            {
                var kind = (EventKind)reader.ReadByte();
                var channel = (Channel)reader.ReadByte();
                var bounceType = (BounceType)reader.ReadByte();
                var time = new DateTimeOffset(baseTicks + reader.Read7BitEncodedInt64(), TimeSpan.Zero);
                var profileHash = reader.ReadUInt64();
                events[i] = new TalliedEvent(kind, channel, time, profileHash,
                    strings[reader.Read7BitEncodedInt()], strings[reader.Read7BitEncodedInt()], bounceType, strings[reader.Read7BitEncodedInt()]);
            }
            campaigns[c] = new CampaignEvents(key, events);
        }
        return campaigns;
    }
}
