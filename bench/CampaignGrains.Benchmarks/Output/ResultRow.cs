namespace CampaignGrains.Benchmarks.Output;

/// <summary>One line of the printed table: our figure, what it is compared with, their ratio, and the goal (printed, never asserted).</summary>
internal sealed record ResultRow(string Section, string Measurement, string Ours, string Baseline = "", string Ratio = "", string Target = "");
