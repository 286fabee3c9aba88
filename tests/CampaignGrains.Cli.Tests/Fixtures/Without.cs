using CampaignGrains.Api.V1;

namespace CampaignGrains.Cli.Tests.Fixtures;

/// <summary>A report's statistics without its spans, which move with the clock between two reads.</summary>
public static class Without
{
    public static Report Spans(Report report)
    {
        var copy = report.Clone();
        if (copy.Campaign is not null) copy.Campaign.Span = null;
        if (copy.Email is not null) copy.Email.Span = null;
        if (copy.Push is not null) copy.Push.Span = null;
        return copy;
    }
}
