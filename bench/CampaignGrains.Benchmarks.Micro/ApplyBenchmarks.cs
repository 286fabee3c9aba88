using CampaignGrains.Abstractions;

namespace CampaignGrains.Benchmarks.Micro;

/// <summary>What applying one event costs the email grain's statistics (the widest shape), per event.</summary>
[MemoryDiagnoser]
public class ApplyBenchmarks
{
    private const int Events = 10_000;

    private StatisticsEvent[] _events = [];

    [GlobalSetup]
    public void Setup() => _events = [.. TypicalStatistics.Events(Samples.TypicalCampaign)
        .Where(e => e.Channel == Channel.Email)
        .Select(e => e.Event)
        .Take(Events)];

    [Benchmark(OperationsPerInvoke = Events)]
    public DeliveryStatistics Apply_email_event()
    {
        var statistics = new DeliveryStatistics(StatisticsShape.Email);
        foreach (var e in _events) statistics.Record(e, Samples.Now);
        return statistics;
    }
}
