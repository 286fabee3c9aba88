using System.CommandLine;
using CampaignGrains.Api.V1;

namespace CampaignGrains.Cli.Commands;

/// <summary>Which campaign, tabs and window a report command reads: shared by report, watch and export.</summary>
internal sealed class ReportSelection
{
    private static readonly Dictionary<string, Tab[]> TabsByName = new()
    {
        ["campaign"] = [Tab.Campaign],
        ["email"] = [Tab.Email],
        ["push"] = [Tab.Push],
        ["all"] = [Tab.Campaign, Tab.Email, Tab.Push],
    };

    private static readonly Dictionary<string, Window> WindowsByName = new()
    {
        ["24h"] = Api.V1.Window.Last24H,
        ["all"] = Api.V1.Window.AllTime,
    };

    public ReportSelection(bool withTabs)
    {
        Tabs = withTabs ? ChoiceOption.Create("--tab", "The tab to show", "all", [.. TabsByName.Keys]) : null;
    }

    public Argument<string> Campaign { get; } = new("campaign") { Description = "The campaign id" };

    public Option<string>? Tabs { get; }

    public Option<string> Window { get; } = ChoiceOption.Create("--window",
        "24h, the live report of the 24 hours before now, or all, every event the campaign received", "24h", [.. WindowsByName.Keys]);

    public void AddTo(Command command)
    {
        command.Add(Campaign);
        if (Tabs is not null) command.Add(Tabs);
        command.Add(Window);
    }

    public ReportRequest Request(ParseResult parse) => new()
    {
        CampaignId = parse.GetRequiredValue(Campaign),
        Window = WindowsByName[parse.GetRequiredValue(Window)],
        Tabs = { Tabs is null ? TabsByName["all"] : TabsByName[parse.GetRequiredValue(Tabs)] },
    };
}
