using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Events;

namespace CampaignGrains.Cli.Tests.Events;

public sealed class IngestTallyTests
{
    [Fact]
    public async Task Batches_answered_at_once_on_many_threads_are_all_counted()
    {
        var batch = new OutgoingBatch("k", [.. Enumerable.Range(0, 3).Select(i => new SourcedEvent(new DeliveryEvent { EventId = $"e{i}" }, $"f:{i + 1}"))]);
        var response = new IngestResponse
        {
            Results =
            {
                new EventResult { Index = 0, Outcome = EventOutcome.Accepted },
                new EventResult { Index = 1, Outcome = EventOutcome.Duplicate },
                new EventResult { Index = 2, Outcome = EventOutcome.Rejected, Field = "kind", Message = "is required" },
            },
        };
        var tally = new IngestTally();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 5_000; i++) tally.Add(batch, response);
        })));

        Assert.Equal(80_000, tally.Accepted);
        Assert.Equal(80_000, tally.Duplicates);
        Assert.Equal(80_000, tally.Rejected);
        Assert.Equal(240_000, tally.Answered);
    }
}
