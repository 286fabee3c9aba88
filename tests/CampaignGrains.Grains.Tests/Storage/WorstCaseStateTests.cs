using CampaignGrains.Grains.Storage;
using CampaignGrains.Grains.Tests.Fixtures;
using CampaignGrains.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace CampaignGrains.Grains.Tests.Storage;

/// <summary>
/// Every grain's persisted record at its largest: every bucket used, every breakdown full of the longest
/// keys at three UTF-8 bytes a character, every counter at 2^40, every sketch dense, the ledger full.
/// </summary>
public sealed class WorstCaseStateTests
{
    private const int Limit = 512 * 1024;
    private static readonly DateTimeOffset Now = FrozenTime.Start;

    public static TheoryData<string> Grains => ["campaign", "email", "push"];

    [Theory]
    [MemberData(nameof(Grains))]
    public void Worst_case_persisted_state_stays_under_512_KB(string grain)
    {
        var shape = grain switch { "email" => StatisticsShape.Email, "push" => StatisticsShape.Push, _ => StatisticsShape.Campaign };
        var record = new StatisticsRecord
        {
            Payload = StatisticsCodec.Encode(WorstCaseStatistics.Build(shape, Now)),
            Channels = [Channel.Email, Channel.Push],
            Applied = WorstCaseStatistics.AppliedPositions(),
            Listed = true,
        };

        var stored = StorageSerializer().Serialize(record).ToMemory().Length;

        TestContext.Current.TestOutputHelper?.WriteLine($"{grain} grain worst case: {stored:N0} bytes ({stored * 100.0 / Limit:0.0} % of 512 KB)");
        Assert.InRange(stored, 1, Limit);
    }

    private static OrleansGrainStorageSerializer StorageSerializer()
    {
        var services = new ServiceCollection()
            .AddSerializer(serializer => serializer.AddAssembly(typeof(StatisticsRecord).Assembly))
            .BuildServiceProvider();
        return new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
    }
}
