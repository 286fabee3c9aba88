namespace CampaignGrains.Statistics;

/// <summary>
/// Distinct profiles for one unique metric: an all-time sketch and one coarser sketch per live hour;
/// the live window's estimate is the union of its hours.
/// </summary>
public sealed class UniqueProfiles
{
    private readonly List<(long Hour, HyperLogLog Sketch)> _hours = [];

    public HyperLogLog AllTime { get; private set; } = new(StatisticsShape.AllTimeUniquePrecision);

    internal IReadOnlyList<(long Hour, HyperLogLog Sketch)> Hours => _hours;

    public void Add(ulong profileHash, long? liveHour, long oldestLiveHour)
    {
        AllTime.Add(profileHash);
        if (liveHour is not { } hour) return;
        var index = _hours.FindIndex(entry => entry.Hour == hour);
        if (index < 0)
        {
            _hours.RemoveAll(entry => entry.Hour < oldestLiveHour);
            _hours.Add((hour, new HyperLogLog(StatisticsShape.HourlyUniquePrecision)));
            index = _hours.Count - 1;
        }
        _hours[index].Sketch.Add(profileHash);
    }

    public long Estimate(long? fromHour, long toHour)
    {
        if (fromHour is not { } from) return AllTime.Estimate();
        var union = new HyperLogLog(StatisticsShape.HourlyUniquePrecision);
        foreach (var (hour, sketch) in _hours)
        {
            if (hour >= from && hour <= toHour) union.UnionWith(sketch);
        }
        return union.Estimate();
    }

    internal void Restore(HyperLogLog allTime, IEnumerable<(long Hour, HyperLogLog Sketch)> hours)
    {
        AllTime = allTime;
        _hours.Clear();
        _hours.AddRange(hours);
    }
}
