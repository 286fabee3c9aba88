namespace CampaignGrains.Benchmarks.Stack;

/// <summary>What the no-op sink answers with.</summary>
internal sealed class NoOpResponses
{
    /// <summary>Starts empty; the benchmark replaces it with a tab the real gateway served, so both answers weigh the same.</summary>
    public V1.EmailTab EmailTab { get; set; } = new();
}
