using System.Globalization;

namespace CampaignGrains.Cli.Tests.Fixtures;

/// <summary>
/// Event files as a producer would write them: a varied mix of kinds on both channels, every field as text,
/// written as NDJSON or CSV. The tests count what the cluster must show from these lines, not from campaignctl.
/// </summary>
public static class EventLines
{
    public static readonly string[] Columns = ["eventId", "campaignId", "channel", "kind", "time", "profileId", "domain", "platform", "bounceType", "reason"];

    /// <summary><paramref name="count"/> valid events of <paramref name="campaignId"/> within the last hour.</summary>
    public static List<Dictionary<string, string>> Mixed(string campaignId, int count)
    {
        var now = DateTimeOffset.UtcNow;
        (string Channel, string Kind, string BounceType, string Reason)[] shapes =
        [
            ("", "entered", "", ""), ("email", "sent", "", ""), ("email", "delivered", "", ""), ("email", "opened", "", ""),
            ("email", "clicked", "", ""), ("email", "bounced", "hard", "Invalid recipient"), ("email", "bounced", "soft", "Mailbox full"),
            ("email", "bounced", "ignored", "Auto-reply"), ("email", "errored", "", "Timeout"), ("email", "excluded", "", "no consent"),
            ("email", "unsubscribed", "", ""), ("email", "spam_complaint", "", ""), ("push", "sent", "", ""), ("push", "delivered", "", ""),
            ("push", "opened", "", ""), ("push", "push_action", "", ""), ("push", "bounced", "", "Invalid push token"),
            ("push", "errored", "", "Admin failure"), ("push", "excluded", "", "no push token in profile"), ("", "excluded", "", "experiment holdout"),
        ];
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var shape = shapes[i % shapes.Length];
            return new Dictionary<string, string>
            {
                ["eventId"] = $"{campaignId}-e{i}",
                ["campaignId"] = campaignId,
                ["channel"] = shape.Channel,
                ["kind"] = shape.Kind,
                ["time"] = (now - TimeSpan.FromSeconds(i % 3000)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["profileId"] = $"profile-{i % 37}",
                ["domain"] = shape.Channel == "email" ? (i % 3 == 0 ? "gmail.com" : "outlook.com") : "",
                ["platform"] = shape.Channel == "push" ? (i % 2 == 0 ? "ios" : "android") : "",
                ["bounceType"] = shape.BounceType,
                ["reason"] = shape.Reason,
            };
        })];
    }

    public static string Ndjson(IEnumerable<Dictionary<string, string>> events) => string.Concat(events.Select(e =>
        System.Text.Json.JsonSerializer.Serialize(e.Where(pair => pair.Value.Length > 0).ToDictionary()) + "\n"));

    /// <summary>No value here holds a comma or a quote, so no field needs quoting.</summary>
    public static string Csv(IEnumerable<Dictionary<string, string>> events) =>
        string.Join(',', Columns) + "\r\n" + string.Concat(events.Select(e => string.Join(',', Columns.Select(column => e[column])) + "\r\n"));
}
