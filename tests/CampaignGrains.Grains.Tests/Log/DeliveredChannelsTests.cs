using CampaignGrains.Grains.Log;

namespace CampaignGrains.Grains.Tests.Log;

/// <summary>What a shard remembers of the channels its campaign grains applied: exact for what it holds, bounded in what it holds.</summary>
public sealed class DeliveredChannelsTests
{
    [Fact]
    public void A_campaign_is_covered_only_for_channels_its_grain_applied()
    {
        var delivered = new DeliveredChannels();
        Assert.False(delivered.Covers("t/a", [Channel.Email]));

        delivered.Applied("t/a", [Channel.Email]);
        Assert.True(delivered.Covers("t/a", [Channel.Email]));
        Assert.False(delivered.Covers("t/a", [Channel.Email, Channel.Push]));
        Assert.False(delivered.Covers("t/b", [Channel.Email]));

        delivered.Applied("t/a", [Channel.Push]);
        Assert.True(delivered.Covers("t/a", [Channel.Email, Channel.Push]));
    }

    [Fact]
    public void It_holds_at_most_two_generations_and_keeps_the_newest_generation_whole()
    {
        var delivered = new DeliveredChannels();
        var campaigns = Enumerable.Range(0, 3 * DeliveredChannels.Capacity + 5).Select(i => $"t/{i}").ToList();
        foreach (var campaign in campaigns)
        {
            delivered.Applied(campaign, [Channel.Email]);
            Assert.InRange(delivered.Count, 1, 2 * DeliveredChannels.Capacity);
        }

        // The first generations are gone: such a campaign costs a call again, and is remembered anew.
        Assert.False(delivered.Covers(campaigns[0], [Channel.Email]));
        Assert.All(campaigns[^DeliveredChannels.Capacity..], campaign => Assert.True(delivered.Covers(campaign, [Channel.Email])));

        // One applied again from the older generation moves to the newer, with the channels it had.
        var older = campaigns[^(DeliveredChannels.Capacity + 1)];
        Assert.True(delivered.Covers(older, [Channel.Email]));
        delivered.Applied(older, [Channel.Push]);
        Assert.True(delivered.Covers(older, [Channel.Email, Channel.Push]));
    }
}
