namespace CampaignGrains.Testing;

/// <summary>
/// Where the frozen statistics clocks of the in-process fixtures start. Everything a fixture's cluster judges by
/// that clock (the live window, "more than 5 minutes in the future") gets its times from the same clock: events,
/// generated campaigns and oracles take <c>fixture.StatisticsTime.GetUtcNow()</c>, never the machine's clock.
/// </summary>
/// <remarks>
/// Years away from any day the suite runs on, so a test that mixes this clock with real time fails on the day
/// it is written rather than passing once and failing a week later. Mid-day on a leap day: the live window
/// crosses midnight into February 29.
/// </remarks>
public static class FrozenTime
{
    public static readonly DateTimeOffset Start = new(2024, 2, 29, 12, 0, 0, TimeSpan.Zero);
}
