namespace CampaignGrains.Statistics.Tests;

public class PackedCountersTests
{
    [Fact]
    public void Counters_widen_from_one_byte_to_eight_and_keep_every_value()
    {
        var counters = new PackedCounters(maxWidth: 8);
        counters.Append(5);
        long[] values = [0, 255, 256, 65_536, 1L << 40];
        for (var i = 0; i < values.Length; i++)
        {
            counters[i] = values[i];
            Assert.Equal(values[..(i + 1)], Enumerable.Range(0, i + 1).Select(index => counters[index]));
        }
        counters.Increment(1);
        Assert.Equal(256, counters[1]);
    }

    [Fact]
    public void Inserted_and_removed_ranges_move_the_counters_after_them()
    {
        var counters = new PackedCounters(maxWidth: 4);
        var oracle = new List<long>();
        var random = new Random(7);
        for (var step = 0; step < 2_000; step++)
        {
            switch (random.Next(4))
            {
                case 0:
                    var at = random.Next(oracle.Count + 1);
                    var count = random.Next(1, 6);
                    counters.Insert(at, count);
                    oracle.InsertRange(at, new long[count]);
                    break;
                case 1 when oracle.Count > 0:
                    var from = random.Next(oracle.Count);
                    var removed = random.Next(1, oracle.Count - from + 1);
                    counters.Remove(from, removed);
                    oracle.RemoveRange(from, removed);
                    break;
                default:
                    if (oracle.Count == 0) break;
                    var index = random.Next(oracle.Count);
                    var value = random.Next(3) switch { 0 => random.Next(256), 1 => random.Next(70_000), _ => random.NextInt64(uint.MaxValue) };
                    counters[index] = value;
                    oracle[index] = value;
                    break;
            }
            Assert.Equal(oracle.Count, counters.Length);
        }
        Assert.Equal(oracle, Enumerable.Range(0, counters.Length).Select(index => counters[index]));
    }

    [Fact]
    public void A_value_wider_than_the_counters_allow_is_refused()
    {
        var counters = new PackedCounters(maxWidth: 4);
        counters.Append(1);
        counters[0] = uint.MaxValue;

        Assert.Throws<OverflowException>(() => counters.Increment(0));
        Assert.Equal(uint.MaxValue, counters[0]);
    }

    [Fact]
    public void Daily_series_keeps_out_of_order_days_in_order_and_drops_days_past_its_span()
    {
        var daily = new DailySeries(StatisticsShape.Campaign.Metrics);
        var oracle = new Dictionary<long, long>();
        var random = new Random(17);
        for (var i = 0; i < 5_000; i++)
        {
            var day = 1_000 + i / 5 - random.Next(30);
            if (daily.NewestDay is { } newest && day <= newest - DailySeries.MaxDays) continue;
            daily.Add(day, Metric.Delivered);
            oracle[day] = oracle.GetValueOrDefault(day) + 1;
        }

        var newestDay = daily.NewestDay!.Value;
        var expected = oracle.Where(pair => pair.Key > newestDay - DailySeries.MaxDays).OrderBy(pair => pair.Key).Select(pair => (pair.Key, pair.Value));
        Assert.Equal(expected, daily.Days.Select(day => (day.Day, day.Counts[Metric.Delivered])));
    }
}
