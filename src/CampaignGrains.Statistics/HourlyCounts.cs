using System.Runtime.InteropServices;

namespace CampaignGrains.Statistics;

/// <summary>
/// Per-hour counts of one breakdown key over the live window. Holds at most <see cref="MaxHours"/>
/// hours and only hours that saw events, so an idle key costs nothing.
/// </summary>
public sealed class HourlyCounts
{
    /// <summary>The 24 hours of the window, the hour ahead (clock skew) and the hour just leaving it.</summary>
    public const int MaxHours = TimeBuckets.LiveHourCount + 2;

    private readonly List<(long Hour, MetricCounts Counts)> _hours = [];

    internal IReadOnlyList<(long Hour, MetricCounts Counts)> Hours => _hours;

    public void Add(long hour, Metric metric, long oldestLiveHour)
    {
        var hours = CollectionsMarshal.AsSpan(_hours);
        for (var i = 0; i < hours.Length; i++)
        {
            if (hours[i].Hour == hour)
            {
                hours[i].Counts[metric]++;
                return;
            }
        }
        _hours.RemoveAll(entry => entry.Hour < oldestLiveHour);
        var counts = default(MetricCounts);
        counts[metric] = 1;
        _hours.Add((hour, counts));
    }

    public void AddTo(ref MetricCounts sum, long fromHour, long toHour)
    {
        foreach (var (hour, counts) in _hours)
        {
            if (hour >= fromHour && hour <= toHour) sum.Add(counts);
        }
    }

    public void UnionWith(HourlyCounts other, long oldestLiveHour)
    {
        foreach (var (hour, counts) in other._hours)
        {
            if (hour < oldestLiveHour) continue;
            var index = _hours.FindIndex(entry => entry.Hour == hour);
            if (index < 0)
            {
                _hours.RemoveAll(entry => entry.Hour < oldestLiveHour);
                _hours.Add((hour, counts));
            }
            else
            {
                CollectionsMarshal.AsSpan(_hours)[index].Counts.Add(counts);
            }
        }
    }

    internal void Restore(long hour, in MetricCounts counts) => _hours.Add((hour, counts));
}
