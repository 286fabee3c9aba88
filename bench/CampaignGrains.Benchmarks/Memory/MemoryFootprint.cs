using CampaignGrains.Abstractions;
using CampaignGrains.Benchmarks.Ingest;
using CampaignGrains.Benchmarks.Output;
using CampaignGrains.Benchmarks.Stack;
using CampaignGrains.Grains.Storage;
using CampaignGrains.Statistics;
using Orleans.Serialization;
using Orleans.Storage;

namespace CampaignGrains.Benchmarks.Memory;

/// <summary>
/// Heap per active campaign (its campaign, email and push grains) in the silo of this process, and the
/// bytes each grain's record takes in storage, at typical and at worst-case dimensions.
/// </summary>
internal sealed class MemoryFootprint(SiloUnderTest silo, BenchmarkSettings settings, MarkdownReport report)
{
    private const string Target = "≤ 64 KB per typical campaign";

    private readonly IGrainFactory _grains = silo.Services.GetRequiredService<IGrainFactory>();
    private readonly IGrainStorage _storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Statistics);
    private readonly OrleansGrainStorageSerializer _serializer = new(silo.Services.GetRequiredService<Serializer>());
    private readonly V1.IngestService.IngestServiceClient _ingest = new(silo.Channel);

    /// <summary>
    /// Typical: campaigns of generated events sent through the gateway. Worst case: records at their
    /// largest written through the storage provider, then activated by reading their tabs.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Connection pools, caches and the first activations' one-off costs land before the baseline.
        await IngestCampaignsAsync("warm-up", 5, cancellationToken);
        var before = HeapAfterFullCollection();
        await IngestCampaignsAsync("typical", settings.TypicalCampaigns, cancellationToken);
        var typical = (HeapAfterFullCollection() - before) / (double)settings.TypicalCampaigns;
        report.Add(new ResultRow("Memory", $"heap per active campaign (3 grains), typical: the generator's campaign of {Figures.Count(settings.TypicalEventsPerCampaign)} events, checkpointed; {settings.TypicalCampaigns} campaigns",
            Figures.Bytes(typical), Target: Target));

        var now = DateTimeOffset.UtcNow;
        var worst = (
            Campaign: Record(WorstCaseStatistics.Build(StatisticsShape.Campaign, now)),
            Email: Record(WorstCaseStatistics.Build(StatisticsShape.Email, now)),
            Push: Record(WorstCaseStatistics.Build(StatisticsShape.Push, now)));
        var keys = Enumerable.Range(0, settings.WorstCaseCampaigns).Select(i => CampaignKey.Of(SiloUnderTest.Tenant, $"worst-{i}")).ToList();
        foreach (var key in keys)
        {
            await _storage.WriteStateAsync("campaign", _grains.GetGrain<ICampaignGrain>(key).GetGrainId(), new GrainState<StatisticsRecord>(worst.Campaign));
            await _storage.WriteStateAsync("email", _grains.GetGrain<IEmailGrain>(key).GetGrainId(), new GrainState<StatisticsRecord>(worst.Email));
            await _storage.WriteStateAsync("push", _grains.GetGrain<IPushGrain>(key).GetGrainId(), new GrainState<StatisticsRecord>(worst.Push));
        }
        before = HeapAfterFullCollection();
        foreach (var key in keys)
        {
            await _grains.GetGrain<ICampaignGrain>(key).GetCampaignTabAsync(ReportWindow.AllTime, cancellationToken);
            await _grains.GetGrain<IEmailGrain>(key).GetEmailTabAsync(ReportWindow.AllTime, cancellationToken);
            await _grains.GetGrain<IPushGrain>(key).GetPushTabAsync(ReportWindow.AllTime, cancellationToken);
        }
        var worstCase = (HeapAfterFullCollection() - before) / (double)keys.Count;
        report.Add(new ResultRow("Memory", $"heap per active campaign (3 grains), worst case: every slot full, longest keys; {keys.Count} campaigns",
            Figures.Bytes(worstCase), Target: "(bounded; no target)"));

        var typicalKey = CampaignKey.Of(SiloUnderTest.Tenant, "typical-0");
        foreach (var (grain, id, worstRecord) in new[]
                 {
                     ("campaign", _grains.GetGrain<ICampaignGrain>(typicalKey).GetGrainId(), worst.Campaign),
                     ("email", _grains.GetGrain<IEmailGrain>(typicalKey).GetGrainId(), worst.Email),
                     ("push", _grains.GetGrain<IPushGrain>(typicalKey).GetGrainId(), worst.Push),
                 })
        {
            var stored = new GrainState<StatisticsRecord>();
            await _storage.ReadStateAsync(grain, id, stored);
            report.Add(new ResultRow("Memory", $"persisted record of the {grain} grain: typical / worst case",
                $"{Figures.Bytes(StoredBytes(stored.State ?? new StatisticsRecord()))} / {Figures.Bytes(StoredBytes(worstRecord))}", Target: "(worst case ≤ 512 KB, tested)"));
        }

        // The sections after this one share the process: its hundreds of campaigns would be their garbage collector's work.
        await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
    }

    /// <summary>
    /// Campaigns of the seeded generator's own shape (its batches as a producer sends them, retries included),
    /// sent through the gateway; then every grain checkpoints, so the log's pending entries, released at a
    /// grain's checkpoint, are not counted as its state.
    /// </summary>
    private async Task IngestCampaignsAsync(string prefix, int campaigns, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var batches = Enumerable.Range(0, campaigns)
            .SelectMany(c => CampaignGenerator.Generate(seed: c, SiloUnderTest.Tenant, $"{prefix}-{c}", now, settings.TypicalEventsPerCampaign).Batches)
            .Select(batch => (Func<V1.IngestRequest>)batch.ToIngestRequest)
            .ToList();
        var (_, retries) = await IngestLoad.SendAllAsync(_ingest, silo.Headers, batches, producers: 8, cancellationToken);
        if (retries > 0) report.Note($"Activating the {prefix} campaigns took {Figures.Count(retries)} batch retries (UNAVAILABLE).");
        await Task.WhenAll(Enumerable.Range(0, campaigns).Select(c => CampaignKey.Of(SiloUnderTest.Tenant, $"{prefix}-{c}")).SelectMany(key => new[]
        {
            _grains.GetGrain<ICampaignGrain>(key).CheckpointAsync(), _grains.GetGrain<IEmailGrain>(key).CheckpointAsync(), _grains.GetGrain<IPushGrain>(key).CheckpointAsync(),
        }));
    }

    private static StatisticsRecord Record(DeliveryStatistics statistics) => new()
    {
        Payload = StatisticsCodec.Encode(statistics),
        Channels = [Channel.Email, Channel.Push],
        Applied = WorstCaseStatistics.AppliedPositions(),
    };

    /// <summary>The record as the storage provider writes it: Orleans' binary serializer, as the silo configures it.</summary>
    private long StoredBytes(StatisticsRecord record) => _serializer.Serialize(record).ToMemory().Length;

    private static long HeapAfterFullCollection()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
