using CampaignGrains.Api.V1;
using Domain = CampaignGrains.Abstractions;

namespace CampaignGrains.Faults.Tests.Harness;

/// <summary>
/// Compares every campaign's all-time report with the oracle computed from the batches the driver had
/// acknowledged: a count too low is an acknowledged event lost, too high one counted twice.
/// </summary>
internal static class ReportVerifier
{
    public static async Task<List<string>> MismatchesAsync(FaultDriver driver, IReadOnlyList<SiloProcess> silos, IEnumerable<(string CampaignId, ReportOracle Oracle)> campaigns, DateTimeOffset now)
    {
        var mismatches = new List<string>();
        foreach (var (campaignId, oracle) in campaigns)
        {
            var report = await ReadAsync(driver, silos, campaignId);
            var expected = TabCounts.Expected(oracle, now);
            var served = TabCounts.Served(report);
            for (var i = 0; i < expected.Length; i++)
            {
                if (expected[i] != served[i]) mismatches.Add($"{campaignId} {TabCounts.Names[i]}: expected {expected[i]}, got {served[i]}");
            }
            var email = oracle.Email(Domain.ReportWindow.AllTime, now);
            var push = oracle.Push(Domain.ReportWindow.AllTime, now);
            Compare(mismatches, campaignId, "email bounce reasons", email.BounceReasons.Reasons.Select(r => (r.Reason, r.Count)), report.Email.BounceReasons.Reasons.Select(r => (r.Reason, r.Count)));
            Compare(mismatches, campaignId, "email domains", email.Domains.Domains.Select(d => (d.Domain, d.Sent + d.Opens)), report.Email.Domains.Domains.Select(d => (d.Domain, d.Sent + d.Opens)));
            Compare(mismatches, campaignId, "push platforms", push.Platforms.Platforms.Select(x => (x.Platform, x.Counts.Sent)), report.Push.Platforms.Platforms.Select(x => (x.Platform, x.Counts.Sent)));
        }
        return mismatches;
    }

    private static async Task<Report> ReadAsync(FaultDriver driver, IReadOnlyList<SiloProcess> silos, string campaignId)
    {
        for (var attempt = 0; ; attempt++)
        {
            // Any running silo; while none is (both restarting after crashes), the first, whose call fails and is retried.
            var running = silos.Where(s => s.IsRunning).ToList();
            var silo = running.Count > 0 ? running[attempt % running.Count] : silos[0];
            try
            {
                return await driver.Reports(silo.Index).GetReportAsync(
                    new ReportRequest { CampaignId = campaignId, Window = Window.AllTime }, driver.Headers, DateTime.UtcNow.AddSeconds(10));
            }
            catch (RpcException) when (attempt < 20)
            {
                await Task.Delay(500);
            }
        }
    }

    private static void Compare(List<string> mismatches, string campaignId, string what, IEnumerable<(string, long)> expected, IEnumerable<(string, long)> actual)
    {
        var e = expected.OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();
        var a = actual.OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();
        if (!e.SequenceEqual(a)) mismatches.Add($"{campaignId} {what}: expected {string.Join(", ", e)}, got {string.Join(", ", a)}");
    }
}
