using CampaignGrains.Abstractions;

namespace CampaignGrains.Testing;

/// <summary>The strings the generator sends: the spec's reference lists, a few producer-specific extras, domains and platforms.</summary>
internal static class GeneratorVocabulary
{
    public static readonly string[] HardBounceReasons =
        ["Invalid recipient", "Recipient refused", "DNS failure", "Relaying denied", "Mail block", "Spam block", "Spam content", "Generic bounce: no RCPT"];

    public static readonly string[] SoftBounceReasons =
        ["Mailbox full", "Soft bounce", "Too large", "Timeout", "Transient failure", "Generic bounce"];

    public static readonly string[] IgnoredBounceReasons =
        ["Undetermined", "Auto-reply", "Challenge-response", "Admin failure"];

    public static readonly string[] PushBounceReasons =
        ["Invalid recipient", "Transient failure", "Timeout", "Undetermined", "Generic bounce"];

    // A producer may send any reason string, so the last entries are not from the spec's list.
    public static readonly string[] EmailErrorReasons =
        ["Timeout", "DNS failure", "Admin failure", "Transient failure", "Relaying denied", "Spam content", "Too large", "Undetermined", "Template render failed", "Missing merge field"];

    public static readonly string[] PushErrorReasons =
        ["Timeout", "Transient failure", "Admin failure", "Too large", "Undetermined", "Invalid push credentials"];

    public static readonly string[] CampaignExcludeReasons =
        ["no consent", "experiment holdout", "excluded by control rules", "duplicate", "frequency capping"];

    public static readonly string[] EmailExcludeReasons =
        ["no consent", "suppressed address", "suppressed domain", "frequency capping", "experiment holdout", "excluded by control rules", "duplicate"];

    public static readonly string[] PushExcludeReasons =
        ["no push token in profile", "no valid push token for the app", "no consent", "frequency capping", "experiment holdout", "excluded by control rules", "duplicate"];

    /// <summary>32 domains, most popular first.</summary>
    public static readonly string[] Domains =
    [
        "gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "telia.com", "live.se", "hotmail.se",
        "comhem.se", "bredband.net", "spray.se", "bahnhof.se", "gmx.de", "web.de", "aol.com", "proton.me",
        "me.com", "msn.com", "yahoo.se", "tele2.se", "ownit.se", "glocalnet.net", "telenor.se", "live.com",
        "mail.com", "zoho.com", "yandex.com", "fastmail.com", "example-corp.se", "kommun.se", "uu.se", "kth.se",
    ];

    public static readonly WeightedChoice<string> Platforms = new(
        [("ios", 45), ("android", 40), ("web", 13), ("harmonyos", 1.5), ("kaios", 0.5)]);

    public static readonly WeightedChoice<BounceType> EmailBounceTypes = new(
        [(BounceType.Hard, 40), (BounceType.Soft, 40), (BounceType.Ignored, 20)]);

    // A push bounce may leave its type out.
    public static readonly WeightedChoice<BounceType> PushBounceTypes = new(
        [(BounceType.None, 60), (BounceType.Hard, 15), (BounceType.Soft, 15), (BounceType.Ignored, 10)]);

    public static string[] BounceReasonsFor(BounceType type) => type switch
    {
        BounceType.Hard => HardBounceReasons,
        BounceType.Soft => SoftBounceReasons,
        BounceType.Ignored => IgnoredBounceReasons,
        _ => PushBounceReasons,
    };
}
