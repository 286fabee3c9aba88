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
/// a count.
/// </para>
/// </summary>
internal sealed class DeliveredChannels
{
    /// <summary>Campaigns per generation: with two, a shard skips for up to twice as many campaigns, about 8 MB at most with long keys.</summary>
    public const int Capacity = 16_384;

    private Dictionary<string, Channel[]> _newer = new(StringComparer.Ordinal);
    private Dictionary<string, Channel[]> _older = new(StringComparer.Ordinal);

    /// <summary>True when the campaign grain applied an entry of this shard naming all of <paramref name="channels"/> (sorted).</summary>
    public bool Covers(string campaignKey, Channel[] channels)
    {
        if (!_newer.TryGetValue(campaignKey, out var known) && !_older.TryGetValue(campaignKey, out known)) return false;
        foreach (var channel in channels)
        {
            if (Array.IndexOf(known, channel) < 0) return false;
        }
        return true;
    }

    /// <summary>The campaign grain applied an entry naming <paramref name="channels"/>.</summary>
    public void Applied(string campaignKey, Channel[] channels)
    {
        var known = _newer.GetValueOrDefault(campaignKey) ?? _older.GetValueOrDefault(campaignKey) ?? [];
        var union = channels.All(channel => Array.IndexOf(known, channel) >= 0) ? known : [.. known.Union(channels).Order()];
        if (!_newer.ContainsKey(campaignKey) && _newer.Count == Capacity)
        {
            _older = _newer;
            _newer = new Dictionary<string, Channel[]>(StringComparer.Ordinal);
        }
        _newer[campaignKey] = union;
    }
}
