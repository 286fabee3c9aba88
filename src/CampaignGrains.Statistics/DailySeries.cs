namespace CampaignGrains.Statistics;

/// <summary>
/// The all-time chart: one bucket per UTC day, covering the <see cref="MaxDays"/> days up to the newest
/// day with data. A day that falls out of that span leaves the chart, never the totals.
/// </summary>
public sealed class DailySeries
{
    /// <summary>Over a year of daily points: enough for any campaign's chart, and 400 × 14 counters at most.</summary>
    public const int MaxDays = 400;

    private readonly SortedDictionary<long, MetricCounts> _days = [];

    public long? NewestDay => _days.Count == 0 ? null : _days.Keys.Last();

    public void Add(long day, Metric metric)
    {
        if (NewestDay is { } newest)
        {
            if (day <= newest - MaxDays) return;
            if (day > newest)
            {
                foreach (var old in _days.Keys.TakeWhile(old => old <= day - MaxDays).ToList()) _days.Remove(old);
            }
        }
        _days.TryGetValue(day, out var counts);
        counts[metric]++;
        _days[day] = counts;
    }

    public IEnumerable<(long Day, MetricCounts Counts)> Days => _days.Select(pair => (pair.Key, pair.Value));

    internal void Restore(long day, in MetricCounts counts) => _days[day] = counts;
}
