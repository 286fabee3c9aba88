namespace CampaignGrains.Grains;

/// <summary>
/// The clock that decides the live window. Its own type, so tests can roll the window with a fake
/// <see cref="TimeProvider"/> without moving the clock Orleans itself runs on.
/// </summary>
public sealed class StatisticsClock(TimeProvider time)
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
