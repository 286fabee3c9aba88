namespace CampaignGrains.Cli.Simulation;

/// <summary>What real campaigns look like: recipient domains, push platforms and the spec's reason lists, with rough weights.</summary>
internal static class Vocabulary
{
    public static readonly Weighted<string> Domains = new(
        ("gmail.com", 38), ("outlook.com", 12), ("hotmail.com", 8), ("yahoo.com", 9), ("icloud.com", 7), ("aol.com", 2),
        ("gmx.de", 3), ("web.de", 3), ("orange.fr", 2), ("proton.me", 2), ("comcast.net", 2), ("live.se", 2), ("telia.com", 2), ("example.org", 1));

    public static readonly Weighted<string> Platforms = new(("ios", 46), ("android", 44), ("web", 10));

    public static readonly Weighted<string> HardBounces = new(("Invalid recipient", 70), ("Recipient refused", 20), ("Relaying denied", 5), ("Spam block", 5));

    public static readonly Weighted<string> SoftBounces = new(
        ("Mailbox full", 35), ("Soft bounce", 25), ("DNS failure", 10), ("Timeout", 10), ("Too large", 5), ("Mail block", 10), ("Transient failure", 5));

    public static readonly Weighted<string> IgnoredBounces = new(("Auto-reply", 60), ("Undetermined", 25), ("Challenge-response", 15));

    public static readonly Weighted<string> PushBounces = new(("Invalid push token", 70), ("Unregistered device", 30));

    public static readonly Weighted<string> Errors = new(("Admin failure", 30), ("Timeout", 25), ("Transient failure", 25), ("Generic bounce: no RCPT", 20));

    public static readonly Weighted<string> EmailExcludes = new(
        ("no consent", 30), ("suppressed address", 25), ("suppressed domain", 5), ("frequency capping", 20), ("duplicate", 20));

    public static readonly Weighted<string> PushExcludes = new(
        ("no push token in profile", 45), ("no valid push token for the app", 25), ("no consent", 15), ("frequency capping", 15));

    /// <summary>Exclusions decided before a channel was chosen: they count on the Campaign tab only.</summary>
    public static readonly Weighted<string> CampaignExcludes = new(("experiment holdout", 70), ("excluded by control rules", 30));
}
