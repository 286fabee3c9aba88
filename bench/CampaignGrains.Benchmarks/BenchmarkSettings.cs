namespace CampaignGrains.Benchmarks;

/// <summary>
/// How big each measurement is: the full run, or the smoke CI runs in about a minute. At the comparison
/// levels the read campaign's events are also loaded into PostgreSQL and DuckDB and the Email tab is
/// aggregated there, each query repeated to take the median. The replay after a SIGKILL ingests for
/// <c>ReplayIngest</c> in <c>ReplayShape</c> before the kill. <c>--only ingest</c> (or a comma-separated list of
/// <see cref="AllSections"/>) runs some sections alone, for working on one path; <c>--shapes fan-out</c> keeps only
/// the ingest shapes whose label contains the text.
/// </summary>
public sealed record BenchmarkSettings(
    bool Smoke,
    IReadOnlySet<string> Sections,
    string? OutputPath,
    TimeSpan IngestWarmup,
    TimeSpan IngestDuration,
    TimeSpan SinkDuration,
    IReadOnlyList<IngestShape> IngestShapes,
    IReadOnlyList<long> ReadLevels,
    double ReadsPerSecond,
    TimeSpan ReadWarmup,
    TimeSpan ReadDuration,
    IReadOnlySet<long> ComparisonLevels,
    int ComparisonQueryRepeats,
    int TypicalCampaigns,
    int TypicalEventsPerCampaign,
    int WorstCaseCampaigns,
    IngestShape ReplayShape,
    TimeSpan ReplayIngest)
{
    /// <summary>
    /// One axis at a time around the baseline (batch 1,000, 100 campaigns, 8 producers), the two corners that
    /// bound it, and the fan-out of a tracking service mixing thousands of campaigns in every batch: the full
    /// 27-point matrix would take most of an hour on two cores. The fan-out shapes come last: their first
    /// batches activate thousands of grains.
    /// </summary>
    private static readonly IngestShape[] FullShapes =
    [
        new(1_000, 100, 8, "baseline", "≥ 0.25× the sink; ack p99 < 100 ms"),
        new(100, 100, 8, "batch"),
        new(10_000, 100, 8, "batch"),
        new(1_000, 1, 8, "campaigns"),
        new(1_000, 100, 1, "producers"),
        new(1_000, 100, 64, "producers"),
        new(10_000, 1, 64, "best corner"),
        new(100, 10_000, 1, "worst corner"),
        new(200, 2_000, 4, "fan-out", "≥ 20,000 ev/s, no UNAVAILABLE"),
        new(1_000, 2_000, 4, "fan-out"),
        new(1_000, 10_000, 8, "fan-out", "≥ 50,000 ev/s, no timeouts"),
        new(10_000, 20_000, 4, "fan-out: a batch over 20,000 campaigns"),
    ];

    /// <summary>The sections of a run, in the order they run.</summary>
    public static readonly string[] AllSections = ["memory", "reads", "replay", "ingest"];

    public bool Runs(string section) => Sections.Contains(section);

    public static BenchmarkSettings Parse(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var onlyIndex = Array.IndexOf(args, "--only");
        var sections = onlyIndex >= 0 && onlyIndex + 1 < args.Length ? args[onlyIndex + 1].Split(',').ToHashSet() : AllSections.ToHashSet();
        if (sections.Except(AllSections).FirstOrDefault() is { } unknown)
            throw new ArgumentException($"--only: unknown section '{unknown}'; the sections are {string.Join(", ", AllSections)}.");
        var shapesIndex = Array.IndexOf(args, "--shapes");
        var shapeLabel = shapesIndex >= 0 && shapesIndex + 1 < args.Length ? args[shapesIndex + 1] : "";
        var outIndex = Array.IndexOf(args, "--out");
        var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;
        return smoke
            ? new BenchmarkSettings(
                true, sections, output,
                IngestWarmup: TimeSpan.FromMilliseconds(700), IngestDuration: TimeSpan.FromSeconds(2), SinkDuration: TimeSpan.FromMilliseconds(500),
                IngestShapes: [new(500, 10, 4, "smoke"), new(500, 500, 4, "smoke fan-out")],
                ReadLevels: [1_000, 10_000, 20_000], ReadsPerSecond: 200, ReadWarmup: TimeSpan.FromMilliseconds(300), ReadDuration: TimeSpan.FromSeconds(1),
                ComparisonLevels: new HashSet<long> { 10_000, 20_000 }, ComparisonQueryRepeats: 2,
                TypicalCampaigns: 10, TypicalEventsPerCampaign: 2_000, WorstCaseCampaigns: 3,
                ReplayShape: new(200, 50, 4, "smoke"), ReplayIngest: TimeSpan.FromSeconds(2))
            : new BenchmarkSettings(
                false, sections, output,
                IngestWarmup: TimeSpan.FromSeconds(3), IngestDuration: TimeSpan.FromSeconds(12), SinkDuration: TimeSpan.FromSeconds(5),
                IngestShapes: [.. FullShapes.Where(shape => shape.Varies.Contains(shapeLabel, StringComparison.Ordinal))],
                ReadLevels: [10_000, 1_000_000, 10_000_000], ReadsPerSecond: 1_000, ReadWarmup: TimeSpan.FromSeconds(5), ReadDuration: TimeSpan.FromSeconds(20),
                ComparisonLevels: new HashSet<long> { 1_000_000, 10_000_000 }, ComparisonQueryRepeats: 5,
                TypicalCampaigns: 400, TypicalEventsPerCampaign: 10_000, WorstCaseCampaigns: 20,
                ReplayShape: new(1_000, 2_000, 4, "fan-out", "≤ 10 s"), ReplayIngest: TimeSpan.FromSeconds(10));
    }
}

/// <summary>One ingest load: events per batch, campaigns the events spread over, concurrent producers, and its target (printed, never asserted).</summary>
public sealed record IngestShape(int BatchSize, int Campaigns, int Producers, string Varies, string Target = "");
