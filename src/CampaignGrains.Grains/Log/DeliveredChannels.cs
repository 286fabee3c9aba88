namespace CampaignGrains.Grains.Log;

/// <summary>
/// The channels a shard has handed each campaign grain and seen it apply. An entry of opens or clicks changes no
/// count of the Campaign tab; once the campaign grain applied an entry of this shard with the same channels, the
/// entry only repeats what that one told it, so the shard skips the call (a fan-out of opens then costs one call
/// per campaign, to its email or push grain, instead of two).
/// <para>
/// Safe across crashes because what the campaign grain learnt from is this shard's own entry: until the grain
/// checkpoints past it, the entry stays pending here and is delivered again to a new activation; after, the
/// checkpoint holds the channels. Bounded by two generations of <see cref="Capacity"/> campaigns each: when the
/// newer fills it becomes the older and the oldest is dropped, so a forgotten campaign costs one call more, never
/// a count. Worst case, every key at its longest (257 characters), about 19 MB per shard; with keys of 40
/// characters, about 4.5 MB.
/// </para>
/// </summary>
internal sealed class DeliveredChannels
{
    /// <summary>Campaigns per generation: a shard remembers between one and two of these.</summary>
    public const int Capacity = 16_384;

    private Dictionary<string, int> _newer = new(StringComparer.Ordinal);
    private Dictionary<string, int> _older = new(StringComparer.Ordinal);

    /// <summary>Campaigns remembered now: at most twice <see cref="Capacity"/>.</summary>
    public int Count => _newer.Count + _older.Count;

    /// <summary>True when the campaign grain applied an entry of this shard naming all of <paramref name="channels"/>.</summary>
    public bool Covers(string campaignKey, IEnumerable<Channel> channels)
    {
        if (!_newer.TryGetValue(campaignKey, out var known) && !_older.TryGetValue(campaignKey, out known)) return false;
        var wanted = Flags(channels);
        return (known & wanted) == wanted;
    }

    /// <summary>The campaign grain applied an entry naming <paramref name="channels"/>.</summary>
    public void Applied(string campaignKey, IEnumerable<Channel> channels)
    {
        var known = _newer.TryGetValue(campaignKey, out var newer) ? newer : _older.GetValueOrDefault(campaignKey);
        if (!_newer.ContainsKey(campaignKey) && _newer.Count == Capacity)
        {
            _older = _newer;
            _newer = new Dictionary<string, int>(StringComparer.Ordinal);
        }
        _newer[campaignKey] = known | Flags(channels);
    }

    private static int Flags(IEnumerable<Channel> channels) => channels.Aggregate(0, (flags, channel) => flags | 1 << (int)channel);
}
