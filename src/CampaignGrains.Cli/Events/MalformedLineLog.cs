namespace CampaignGrains.Cli.Events;

/// <summary>
/// Reports malformed lines as they are met, each as "file:line: reason". Past the first <see cref="PrintLimit"/>
/// it only counts them: a file that is wrong throughout would otherwise bury the terminal, and the first hundred
/// say what is wrong with it.
/// </summary>
internal sealed class MalformedLineLog(TextWriter error)
{
    public const int PrintLimit = 100;

    /// <summary>Every malformed line met, printed or not. Lines are met by one reading loop at a time.</summary>
    public long Count { get; private set; }

    public void Add(MalformedLine line)
    {
        if (++Count <= PrintLimit) error.WriteLine($"{line.Origin}: {line.Reason}");
    }

    /// <summary>Says how many lines were counted but not printed, when any were.</summary>
    public void WriteUnprinted()
    {
        if (Count > PrintLimit) error.WriteLine($"... and {Count - PrintLimit} more malformed lines");
    }
}
