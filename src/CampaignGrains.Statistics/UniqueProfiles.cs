namespace CampaignGrains.Statistics;

/// <summary>
/// Distinct profiles for one unique metric: an all-time sketch and one sketch per live hour; the live
/// window's count is the union of its hours, exact while every hour is.
/// </summary>
public sealed class UniqueProfiles
{
    private readonly List<(long Hour, UniqueSketch Sketch)> _hours = [];

    public UniqueSketch AllTime { get; private set; } = new(StatisticsShape.AllTimeUniquePrecision);

    internal IReadOnlyList<(long Hour, UniqueSketch Sketch)> Hours => _hours;

    public void Add(ulong profileHash, long? liveHour, long oldestLiveHour)
    {
        AllTime.Add(profileHash);
        if (liveHour is not { } hour) return;
        var index = _hours.FindIndex(entry => entry.Hour == hour);
        if (index < 0)
        {
            _hours.RemoveAll(entry => entry.Hour < oldestLiveHour);
            _hours.Add((hour, new UniqueSketch(StatisticsShape.HourlyUniquePrecision)));
            index = _hours.Count - 1;
        }
        _hours[index].Sketch.Add(profileHash);
    }

    public long Estimate(long? fromHour, long toHour)
    {
        if (fromHour is not { } from) return AllTime.Estimate();
        return UniqueSketch.EstimateUnion([.. _hours.Where(entry => entry.Hour >= from && entry.Hour <= toHour).Select(entry => entry.Sketch)]);
    }

    internal void Restore(UniqueSketch allTime, IEnumerable<(long Hour, UniqueSketch Sketch)> hours)
    {
        AllTime = allTime;
        _hours.Clear();
        _hours.AddRange(hours);
    }
}
