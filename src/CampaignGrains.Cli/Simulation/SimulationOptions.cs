using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CampaignGrains.Cli.Simulation;

/// <summary>Everything a simulated campaign is generated from: the same options give the same events.</summary>
/// <param name="End">The span's end: every event lies in [End - Span, End].</param>
/// <param name="EmailShare">The share of recipients reached by email; the rest by push.</param>
/// <param name="DeliveryRate">Delivered / sent.</param>
/// <param name="BounceRate">Bounces / sent.</param>
/// <param name="OpenRate">Recipients who open / delivered.</param>
/// <param name="ClickRate">Email recipients who click / delivered.</param>
internal sealed record SimulationOptions(
    string CampaignId,
    int Recipients,
    int Seed,
    TimeSpan Span,
    DateTimeOffset End,
    double EmailShare = 0.7,
    double DeliveryRate = 0.95,
    double BounceRate = 0.03,
    double OpenRate = 0.35,
    double ClickRate = 0.08)
{
    /// <summary>A short hash of every option: the idempotency keys' stem, so a rerun with the same options sends the same keys.</summary>
    public string Fingerprint()
    {
        var text = string.Join('|', CampaignId, Recipients, Seed, Span.Ticks, End.UtcTicks, EmailShare.ToString("R", CultureInfo.InvariantCulture),
            DeliveryRate.ToString("R", CultureInfo.InvariantCulture), BounceRate.ToString("R", CultureInfo.InvariantCulture),
            OpenRate.ToString("R", CultureInfo.InvariantCulture), ClickRate.ToString("R", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
    }
}
