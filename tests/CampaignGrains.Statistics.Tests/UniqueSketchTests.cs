namespace CampaignGrains.Statistics.Tests;

public class UniqueSketchTests
{
    private const int Precision = StatisticsShape.HourlyUniquePrecision;
    private static readonly int ExactLimit = UniqueSketch.ExactLimit(Precision);

    [Fact]
    public void Switch_point_is_where_the_hashes_would_outgrow_the_stored_registers()
    {
        Assert.Equal(384, ExactLimit);
        var sketch = new UniqueSketch(Precision);
        for (var profile = 0; profile < ExactLimit; profile++) sketch.Add(ProfileHashes.Of(profile));
        Assert.True(sketch.IsExact);

        sketch.Add(ProfileHashes.Of(ExactLimit));

        Assert.False(sketch.IsExact);
    }

    [Fact]
    public void All_time_count_is_exact_up_to_the_switch_point()
    {
        var unique = new UniqueProfiles();
        for (var profile = 1; profile <= ExactLimit; profile++)
        {
            unique.Add(ProfileHashes.Of(profile), null, 0);
            unique.Add(ProfileHashes.Of(profile / 2 + 1), null, 0);
            Assert.Equal(profile, unique.Estimate(null, 0));
        }
    }

    [Fact]
    public void Live_window_count_is_exact_while_every_hour_is()
    {
        // Every hour just under the switch point, half its profiles seen in other hours too: 24 × 384 distinct at most.
        const long lastHour = 1_000;
        var unique = new UniqueProfiles();
        var distinct = new HashSet<long>();
        var random = new Random(4);
        for (var hour = lastHour - 23; hour <= lastHour; hour++)
        {
            for (var i = 0; i < ExactLimit; i++)
            {
                var profile = i % 2 == 0 ? random.Next(2_000) : 1_000_000 * hour + i;
                distinct.Add(profile);
                unique.Add(ProfileHashes.Of(profile), hour, lastHour - 23);
            }
            Assert.Equal(distinct.Count, unique.Estimate(lastHour - 23, lastHour));
        }
    }

    [Theory]
    [InlineData(385)]
    [InlineData(1_000)]
    [InlineData(5_000)]
    [InlineData(20_000)]
    [InlineData(200_000)]
    public void Estimate_after_the_switch_is_within_three_standard_errors(int distinct)
    {
        var sketch = new UniqueSketch(Precision);
        for (var profile = 0; profile < distinct; profile++) sketch.Add(ProfileHashes.Of(profile + 7L * distinct));

        var error = Math.Abs(sketch.Estimate() - distinct) / (double)distinct;
        Assert.True(error <= 3 * HyperLogLog.RelativeStandardError(Precision), $"relative error {error:P2} at {distinct} distinct");
    }

    [Fact]
    public void Union_of_exact_and_dense_hours_counts_shared_profiles_once()
    {
        const long lastHour = 1_000;
        var unique = new UniqueProfiles();
        for (var profile = 0; profile < 100; profile++) unique.Add(ProfileHashes.Of(profile), lastHour - 1, lastHour - 23);
        for (var profile = 50; profile < 10_050; profile++) unique.Add(ProfileHashes.Of(profile), lastHour, lastHour - 23);

        var error = Math.Abs(unique.Estimate(lastHour - 23, lastHour) - 10_050) / 10_050.0;

        Assert.True(error <= 3 * HyperLogLog.RelativeStandardError(Precision), $"relative error {error:P2}");
    }

    /// <summary>
    /// The exact hours share one array: hours opened out of order, hours leaving the window and an hour turning
    /// dense in the middle must leave every other hour's profiles where they were. Checked against sets per hour.
    /// </summary>
    [Fact]
    public void Hours_sharing_one_array_keep_their_profiles_as_hours_come_go_and_turn_dense()
    {
        var random = new Random(11);
        var unique = new UniqueProfiles();
        var oracle = new Dictionary<long, HashSet<ulong>>();
        var denseHour = 0L;
        for (long newest = 100; newest < 160; newest++)
        {
            var oldest = newest - 23;
            foreach (var gone in oracle.Keys.Where(hour => hour < oldest).ToList()) oracle.Remove(gone);
            for (var i = 0; i < 60; i++)
            {
                var hour = newest - random.Next(24);
                var hash = ProfileHashes.Of(random.Next(3_000));
                unique.Add(hash, hour, oldest);
                (oracle.TryGetValue(hour, out var set) ? set : oracle[hour] = []).Add(hash);
            }
            // Once a run: an hour in the middle of the array outgrows the exact limit.
            if (newest == 130)
            {
                denseHour = newest - 10;
                for (var profile = 0; profile <= ExactLimit; profile++)
                {
                    var hash = ProfileHashes.Of(1_000_000 + profile);
                    unique.Add(hash, denseHour, oldest);
                    oracle[denseHour].Add(hash);
                }
            }

            foreach (var (hour, set) in oracle.Where(pair => pair.Key != denseHour))
            {
                Assert.Equal(set.Count, unique.Estimate(hour, hour));
            }
            if (denseHour < oldest)
            {
                Assert.Equal(oracle.Values.SelectMany(set => set).Distinct().Count(), unique.Estimate(oldest, newest));
            }
        }
    }

    [Fact]
    public void A_finer_sketch_folded_into_a_coarser_one_equals_the_coarser_sketch_of_the_same_hashes()
    {
        var fine = new HyperLogLog(12);
        var coarse = new HyperLogLog(10);
        for (var profile = 0; profile < 3_000; profile++)
        {
            fine.Add(ProfileHashes.Of(profile));
            coarse.Add(ProfileHashes.Of(profile));
        }

        var folded = new HyperLogLog(10);
        folded.UnionWith(fine);

        Assert.Equal(coarse.Registers.ToArray(), folded.Registers.ToArray());
    }

    /// <summary>
    /// The live window's count as the grain computes it: profiles opening at random hours of the window, some
    /// in two hours, at sizes from all-exact hours through the range where classic HyperLogLog switches from
    /// linear counting (about 10,000 at precision 12) to every hour dense; the root mean square relative error
    /// over seeded runs at each size.
    /// </summary>
    [Fact]
    public void Live_window_relative_standard_error_is_at_most_two_percent()
    {
        const int runs = 200;
        const long lastHour = 500_000;
        var output = TestContext.Current.TestOutputHelper;
        foreach (var distinct in new[] { 3_000, 10_000, 25_000 })
        {
            var squares = 0.0;
            for (var run = 0; run < runs; run++)
            {
                var random = new Random(run * 31 + distinct);
                var unique = new UniqueProfiles();
                for (var profile = 0; profile < distinct; profile++)
                {
                    var hash = ProfileHashes.Of(((long)run << 40) + profile);
                    var opens = 1 + random.Next(2);
                    for (var open = 0; open < opens; open++) unique.Add(hash, lastHour - random.Next(24), lastHour - 23);
                }
                var error = (unique.Estimate(lastHour - 23, lastHour) - distinct) / (double)distinct;
                squares += error * error;
            }
            var rse = Math.Sqrt(squares / runs);
            output?.WriteLine($"{distinct,7:N0} profiles over 24 hours, {runs} runs: live-window relative standard error {rse:P2}");
            Assert.True(rse <= 0.02, $"relative standard error {rse:P2} at {distinct} profiles");
        }
    }
}
