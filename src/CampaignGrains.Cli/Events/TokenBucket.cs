namespace CampaignGrains.Cli.Events;

/// <summary>
/// Paces a stream of events to a rate: each batch takes its events' worth of tokens, refilled at the rate,
/// and waits while the bucket is in debt. The bucket holds at most one second's worth, so a pause is not
/// followed by a burst; it starts full, so the first second's worth goes out at once.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double _eventsPerSecond;
    private readonly TimeProvider _time;
    private long _refilledAt;
    private double _tokens;

    public TokenBucket(double eventsPerSecond, TimeProvider time)
    {
        (_eventsPerSecond, _time) = (eventsPerSecond, time);
        (_refilledAt, _tokens) = (time.GetTimestamp(), eventsPerSecond);
    }

    public async Task TakeAsync(int events, CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_eventsPerSecond, _tokens + _time.GetElapsedTime(_refilledAt, now).TotalSeconds * _eventsPerSecond) - events;
        _refilledAt = now;
        if (_tokens < 0) await Task.Delay(TimeSpan.FromSeconds(-_tokens / _eventsPerSecond), _time, cancellationToken);
    }
}
