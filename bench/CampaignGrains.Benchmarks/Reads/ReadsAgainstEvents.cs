using CampaignGrains.Benchmarks.DuckDb;
using CampaignGrains.Benchmarks.Ingest;
using CampaignGrains.Benchmarks.Output;
using CampaignGrains.Benchmarks.Postgres;
using CampaignGrains.Benchmarks.Stack;

namespace CampaignGrains.Benchmarks.Reads;

/// <summary>
/// One campaign grown to each level of events: the Email tab's latency at a fixed rate while ingest into
/// the same campaign goes on, beside the no-op call at the same rate; and at the comparison levels the same
/// events appended to PostgreSQL and to DuckDB and the same tab aggregated in each.
/// </summary>
internal sealed class ReadsAgainstEvents(
    SiloUnderTest silo, NoOpSink sink, EventPool pool, PostgresEventStore? postgres, DuckDbEventStore duckDb, BenchmarkSettings settings, MarkdownReport report)
{
    private const string Campaign = "read-target";
    private const int FillBatch = 1_000;
    private const int FillProducers = 8;

    /// <summary>The live campaign's own traffic during the read window: 1,000 events a second.</summary>
    private const int BackgroundBatch = 500;
    private static readonly TimeSpan BackgroundInterval = TimeSpan.FromMilliseconds(500);

    private readonly V1.IngestService.IngestServiceClient _ingest = new(silo.Channel);
    private readonly V1.ReportService.ReportServiceClient _reports = new(silo.Channel);
    private readonly V1.ReportService.ReportServiceClient _noOpReports = new(sink.Channel);
    private readonly V1.TabRequest _tab = new() { CampaignId = Campaign, Window = V1.Window.Last24H };
    private long _next;
    private long _inPostgres;
    private long _inDuckDb;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var level in settings.ReadLevels)
        {
            var from = _next;
            var took = await FillAsync(level, cancellationToken);
            var ingestRate = (level - from) / took.TotalSeconds;
            sink.Responses.EmailTab = await _reports.GetEmailTabAsync(_tab, silo.Headers, DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);

            using var background = new CancellationTokenSource();
            var backgroundIngest = BackgroundIngestAsync(background.Token);
            var ours = await MeasureAsync(() => _reports.GetEmailTabAsync(_tab, silo.Headers, DateTime.UtcNow.AddSeconds(30)).ResponseAsync);
            var noOp = await MeasureAsync(() => _noOpReports.GetEmailTabAsync(_tab, silo.Headers, DateTime.UtcNow.AddSeconds(30)).ResponseAsync);
            await background.CancelAsync();
            await backgroundIngest;
            if (ours.Failed + noOp.Failed > 0) report.Note($"Reads at {Figures.Count(level)} events: {ours.Failed} gateway and {noOp.Failed} no-op calls failed.");

            report.Add(new ResultRow("Read", $"GetEmailTab p50 after {Figures.Count(level)} events ({Figures.Count(ours.Calls)} calls at {settings.ReadsPerSecond:N0}/s)",
                Figures.Millis(ours.P50Milliseconds), $"no-op call {Figures.Millis(noOp.P50Milliseconds)}", Figures.Ratio(ours.P50Milliseconds / noOp.P50Milliseconds)));
            report.Add(new ResultRow("Read", $"GetEmailTab p99 after {Figures.Count(level)} events",
                Figures.Millis(ours.P99Milliseconds), $"no-op call {Figures.Millis(noOp.P99Milliseconds)}", Figures.Ratio(ours.P99Milliseconds / noOp.P99Milliseconds),
                "≤ 5× the no-op call; flat from 10^4 to 10^7"));

            if (settings.ComparisonLevels.Contains(level))
            {
                await CompareWithPostgresAsync(level, ingestRate, ours, cancellationToken);
                await CompareWithDuckDbAsync(level, ingestRate, ours, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A discarded warm-up at the same rate first: before the JIT has optimised the read path a 2-core
    /// machine cannot keep up with 1,000 calls a second, and an open-loop queue that builds then never drains.
    /// </summary>
    private async Task<Latency> MeasureAsync(Func<Task> call)
    {
        await OpenLoopReads.RunAsync(call, settings.ReadsPerSecond, settings.ReadWarmup);
        return await OpenLoopReads.RunAsync(call, settings.ReadsPerSecond, settings.ReadDuration);
    }

    /// <summary>Grows the campaign to <paramref name="level"/> events with the producers at full speed, nothing else running.</summary>
    private async Task<TimeSpan> FillAsync(long level, CancellationToken cancellationToken)
    {
        var batches = new List<Func<V1.IngestRequest>>();
        for (var first = _next; first < level; first += FillBatch)
        {
            var (start, size) = (first, (int)Math.Min(FillBatch, level - first));
            batches.Add(() => pool.Batch($"fill-{start}", start, size, _ => Campaign));
        }
        _next = level;
        var (took, retries) = await IngestLoad.SendAllAsync(_ingest, silo.Headers, batches, FillProducers, cancellationToken);
        if (retries > 0) report.Note($"Filling the read campaign to {Figures.Count(level)} events took {Figures.Count(retries)} retries of batches the silo answered UNAVAILABLE (storage writes timed out); the fill rate includes them.");
        return took;
    }

    private async Task BackgroundIngestAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(BackgroundInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var first = _next;
                _next += BackgroundBatch;
                try
                {
                    await _ingest.IngestAsync(pool.Batch($"live-{first}", first, BackgroundBatch, _ => Campaign), silo.Headers, DateTime.UtcNow.AddMinutes(1));
                }
                catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
                {
                    report.Note($"A live batch during the read window was answered {exception.StatusCode}.");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The read windows are over.
        }
    }

    private async Task CompareWithPostgresAsync(long level, double ourIngestRate, Latency ours, CancellationToken cancellationToken)
    {
        if (postgres is null)
        {
            report.Add(new ResultRow("PostgreSQL", $"ingest and Email tab at {Figures.Count(level)} events", "skipped: PostgreSQL is not installed"));
            return;
        }

        // PostgreSQL gets exactly the events the campaign holds now, the live traffic included.
        var (from, to) = (_inPostgres, _next);
        var took = await postgres.AppendAsync(Campaign, from, to, FillBatch, FillProducers, cancellationToken);
        _inPostgres = to;
        var theirRate = (to - from) / took.TotalSeconds;
        report.Add(new ResultRow("PostgreSQL", $"ingest at {Figures.Count(level)} events: CampaignGrains fill vs COPY of the same events ({FillProducers} writers, batch {Figures.Count(FillBatch)})",
            Figures.Rate(ourIngestRate), $"COPY {Figures.Rate(theirRate)}", Figures.Ratio(ourIngestRate / theirRate), "≥ 5×"));

        var theirs = await MedianMillisecondsAsync(() => postgres.ReadEmailTabAsync(Campaign, DateTimeOffset.UtcNow, cancellationToken));
        report.Add(new ResultRow("PostgreSQL", $"Email tab at {Figures.Count(to)} events: SQL aggregation (median of {settings.ComparisonQueryRepeats}) vs GetEmailTab p50",
            Figures.Millis(ours.P50Milliseconds), $"SQL {Figures.Millis(theirs)}", Figures.Ratio(theirs / ours.P50Milliseconds), "≥ 10,000× at 10^7"));
    }

    private async Task CompareWithDuckDbAsync(long level, double ourIngestRate, Latency ours, CancellationToken cancellationToken)
    {
        // The same events, in the same batches and order, as PostgreSQL got; the live traffic has stopped, so
        // both hold exactly what the campaign holds.
        var (from, to) = (_inDuckDb, _next);
        var took = await duckDb.AppendAsync(Campaign, from, to, FillBatch, cancellationToken);
        _inDuckDb = to;
        var theirRate = (to - from) / took.TotalSeconds;
        report.Add(new ResultRow("DuckDB", $"ingest at {Figures.Count(level)} events: CampaignGrains fill vs DuckDB appender of the same events (1 writer, batch {Figures.Count(FillBatch)})",
            Figures.Rate(ourIngestRate), $"appender {Figures.Rate(theirRate)}", Figures.Ratio(ourIngestRate / theirRate), "≥ 2×"));

        var theirs = await MedianMillisecondsAsync(() => duckDb.ReadEmailTabAsync(Campaign, DateTimeOffset.UtcNow, cancellationToken));
        report.Add(new ResultRow("DuckDB", $"Email tab at {Figures.Count(to)} events: DuckDB aggregation (median of {settings.ComparisonQueryRepeats}) vs GetEmailTab p50",
            Figures.Millis(ours.P50Milliseconds), $"DuckDB {Figures.Millis(theirs)}", Figures.Ratio(theirs / ours.P50Milliseconds), "≥ 100×"));
    }

    private async Task<double> MedianMillisecondsAsync(Func<Task<TimeSpan>> read)
    {
        var reads = new List<double>();
        for (var i = 0; i < settings.ComparisonQueryRepeats; i++) reads.Add((await read()).TotalMilliseconds);
        reads.Sort();
        return reads[reads.Count / 2];
    }
}
