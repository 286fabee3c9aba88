using System.Diagnostics;
using CampaignGrains.Benchmarks.Ingest;
using CampaignGrains.Benchmarks.Output;
using CampaignGrains.Benchmarks.Stack;

namespace CampaignGrains.Benchmarks.Recovery;

/// <summary>
/// Replay after a crash: a silo process of its own service on the benchmark's Azurite takes fan-out ingest, is
/// killed with SIGKILL while batches are in flight, and is started again at once with the same settings. Timed
/// from the kill: until the new process answers <c>/health/ready</c>, and until every acknowledged event shows
/// in its campaign's all-time tabs.
/// </summary>
internal sealed class ReplayAfterKill(SiloUnderTest silo, EventPool pool, BenchmarkSettings settings, MarkdownReport report)
{
    private const string ServiceId = "campaigngrains-bench-replay";

    /// <summary>
    /// How long the section waits for the first acknowledgement, and after the kill for every acknowledged event:
    /// twelve times the target, long enough to tell a slow replay from a lost event.
    /// </summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(120);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var shape = settings.ReplayShape;
        await using var process = new SiloProcess(0, silo.KillableSiloSettings(ServiceId));
        await process.StartAsync(cancellationToken);
        using var channel = Channels.Open(process.GrpcPort);

        var ledger = new DeliveryLedger();
        using var stopSending = new CancellationTokenSource();
        var producers = LedgeredIngest.RunAsync(new V1.IngestService.IngestServiceClient(channel), silo.Headers, pool, shape, ledger, stopSending.Token);
        await Task.WhenAny(ledger.FirstAcknowledgement, Task.Delay(GiveUpAfter, cancellationToken));
        await Task.Delay(settings.ReplayIngest, cancellationToken);
        var sinceKill = Stopwatch.StartNew();
        // The signal is sent before KillAsync first awaits; the producers hear to stop only then, so each has a batch
        // in flight at the kill, and before the process is gone, so none sends another into the void.
        var killed = process.KillAsync();
        stopSending.Cancel();
        await killed;

        async Task<TimeSpan> RestartAsync()
        {
            await process.StartAsync(cancellationToken);
            return sinceKill.Elapsed;
        }
        var ready = RestartAsync();
        await producers;
        var bounds = ledger.Bounds(DateTimeOffset.UtcNow);
        TimeSpan readyAfter;
        try
        {
            readyAfter = await ready;
        }
        catch (TimeoutException exception)
        {
            report.Add(new ResultRow("Recovery", Measurement(shape), $"the restarted silo never became ready: {exception.Message}", Target: shape.Target));
            return;
        }
        var visibility = await Visibility.WaitAsync(new V1.ReportService.ReportServiceClient(channel), silo.Headers, bounds, sinceKill, GiveUpAfter, cancellationToken);

        report.Note($"Replay after a SIGKILL: one silo as its own process (`CampaignGrains.Silo.dll`, service `{ServiceId}` on the same Azurite, nothing shared with the silo above) " +
                    $"takes fan-out ingest from {shape.Producers} closed-loop producers for {settings.ReplayIngest.TotalSeconds:N0} s after its first acknowledgement, is killed with SIGKILL while their batches are in flight " +
                    "and started again at once with the same settings and ports; the batches the kill cut off are not retried and may or may not count. " +
                    $"Then every campaign's all-time report is read (`GetReport`, {Visibility.Readers} readers, rereading only campaigns still short) until its counts by kind are at least " +
                    "those the report oracle computes from the acknowledged events; timed from the kill.");
        if (ledger.NotAccepted > 0) report.Note($"Replay: {Figures.Count(ledger.NotAccepted)} events of acknowledged batches were not accepted (not counted as acknowledged).");
        report.Add(new ResultRow("Recovery", Measurement(shape), Ours(ledger, readyAfter, visibility), Target: shape.Target));
    }

    private static string Measurement(IngestShape shape) =>
        $"SIGKILL of the silo during fan-out ingest (batch {Figures.Count(shape.BatchSize)}, {Figures.Count(shape.Campaigns)} campaigns, {shape.Producers} producers): every acknowledged event visible again";

    private static string Ours(DeliveryLedger ledger, TimeSpan readyAfter, VisibilityResult visibility)
    {
        var acknowledged = $"{Figures.Count(ledger.AcknowledgedEvents)} events acknowledged before the kill";
        var extra = visibility.UnacknowledgedCounted + visibility.CountsBeyondSent == 0 ? "" :
            $"; counted beyond the acknowledged: {Figures.Count(visibility.UnacknowledgedCounted)} counts from the {Figures.Count(ledger.UnacknowledgedBatches)} unacknowledged batches" +
            (visibility.CountsBeyondSent > 0 ? $", {Figures.Count(visibility.CountsBeyondSent)} counts beyond anything sent" : "");
        var context = $"(silo ready after {Figures.Seconds(readyAfter)}; {acknowledged}{extra})";
        return visibility.AllVisibleAt is { } visibleAt
            ? $"{Figures.Seconds(visibleAt)} after the kill {context}"
            : $"not all after {Figures.Seconds(GiveUpAfter)}: {Figures.Count(visibility.CampaignsNotAnswering)} campaigns not answering, " +
              $"{Figures.Count(visibility.CampaignsShort)} answering short by {Figures.Count(visibility.CountsShort)} counts {context}";
    }
}
