using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignGrains.Grains.Faults;

/// <summary>
/// Crashes at exact points of the log's protocol for the multi-process crash tests: configured with a point
/// (<see cref="FaultInjectionOptions"/>), the process sends itself SIGKILL the <c>KillOnHit</c>-th time it gets
/// there, so no shutdown code runs, as in a real crash. A harness killing from outside can only hit such a point
/// by chance. Unconfigured, as in production, reaching a point is one comparison.
/// </summary>
public sealed class KillPoints(IOptions<FaultInjectionOptions> options, ILogger<KillPoints> logger)
{
    private readonly FaultInjectionOptions _options = options.Value;
    private int _hits;

    public void Reached(KillPoint point)
    {
        if (point != _options.KillAt || Interlocked.Increment(ref _hits) != _options.KillOnHit) return;
        logger.LogCritical("Fault injection: this silo kills itself at {Point}, hit {Hit}", point, _options.KillOnHit);
        Process.GetCurrentProcess().Kill();
    }
}
