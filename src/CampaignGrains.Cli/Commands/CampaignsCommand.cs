using System.CommandLine;
using CampaignGrains.Api.Security;
using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Connection;
using CampaignGrains.Cli.Rendering;
using Spectre.Console;

namespace CampaignGrains.Cli.Commands;

/// <summary><c>campaigns</c>: every campaign of the caller's tenant, read page by page to the end.</summary>
internal static class CampaignsCommand
{
    private const int PageSize = 500;

    public static Command Create(GlobalOptions global, Terminal terminal)
    {
        var json = new Option<bool>("--json") { Description = "Print one ListCampaignsResponse holding every campaign, in protobuf's JSON mapping" };
        var command = new Command("campaigns", "List the tenant's campaigns, ordered by id, with when each received its first batch") { json };
        command.SetAction((parse, cancellationToken) => ClusterCall.RunAsync(global, parse, Scopes.ReportsRead, async connection =>
        {
            var all = new ListCampaignsResponse();
            var request = new ListCampaignsRequest { PageSize = PageSize };
            do
            {
                var page = await connection.Reports.ListCampaignsAsync(request, connection.Call(cancellationToken));
                all.Campaigns.AddRange(page.Campaigns);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            if (parse.GetValue(json))
            {
                terminal.Out.WriteLine(ProtoJson.Format(all));
                return ExitCodes.Ok;
            }
            var table = Tables.New($"Campaigns: {all.Campaigns.Count}", "campaign", "first seen");
            foreach (var campaign in all.Campaigns) table.AddRow(Tables.Cells(campaign.CampaignId, Numbers.Time(campaign.FirstSeen)));
            terminal.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
