using Microsoft.Extensions.Options;

namespace CampaignGrains.Api.Watching;

/// <summary>
/// Spaces WatchReport snapshots at least 1 / <see cref="GatewayOptions.WatchSnapshotsPerSecond"/>
/// apart. Its own clock, so tests can step it without touching the clock Orleans runs on.
/// </summary>
public sealed class WatchThrottle(TimeProvider time, IOptions<GatewayOptions> options)
{
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1 / options.Value.WatchSnapshotsPerSecond);

    public long Now => time.GetTimestamp();

    /// <summary>Completes once a snapshot may follow one sent at <paramref name="lastSent"/>.</summary>
    public Task WaitTurnAsync(long lastSent, CancellationToken cancellationToken)
    {
        var wait = _interval - time.GetElapsedTime(lastSent);
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
