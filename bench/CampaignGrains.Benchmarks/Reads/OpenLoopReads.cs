using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CampaignGrains.Benchmarks.Reads;

/// <summary>Median and 99th percentile of one read series, and how many calls failed.</summary>
internal sealed record Latency(double P50Milliseconds, double P99Milliseconds, int Calls, int Failed);

/// <summary>
/// Calls at a fixed rate, each at its own intended time, whether earlier calls have answered or not, and
/// measures each from its intended time: a slow answer delays no later call, so a stall shows in the
/// percentiles instead of hiding in fewer samples (no coordinated omission).
/// </summary>
internal static partial class OpenLoopReads
{
    public static async Task<Latency> RunAsync(Func<Task> call, double perSecond, TimeSpan duration)
    {
        var count = Math.Max(1, (int)(perSecond * duration.TotalSeconds));
        var latencies = new double[count];
        var calls = new Task[count];
        var failed = 0;

        async Task MeasureAsync(int index, long intended)
        {
            try
            {
                await call();
            }
            catch (RpcException)
            {
                Interlocked.Increment(ref failed);
            }
            latencies[index] = Stopwatch.GetElapsedTime(intended).TotalMilliseconds;
        }

        // A thread of its own that sleeps in microseconds: the timer queue's millisecond ticks would add
        // up to a millisecond of schedule lag to every sample.
        var scheduler = new Thread(() =>
        {
            var interval = Stopwatch.Frequency / perSecond;
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                var intended = start + (long)(i * interval);
                var wait = intended - Stopwatch.GetTimestamp();
                if (wait > 0) SleepMicroseconds((uint)(wait * 1_000_000 / Stopwatch.Frequency));
                calls[i] = MeasureAsync(i, intended);
            }
        }) { IsBackground = true, Name = "open-loop reads" };
        scheduler.Start();
        await Task.Run(scheduler.Join);
        await Task.WhenAll(calls);

        Array.Sort(latencies);
        return new Latency(Percentile(latencies, 0.50), Percentile(latencies, 0.99), count, failed);
    }

    private static double Percentile(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private static void SleepMicroseconds(uint microseconds)
    {
        if (OperatingSystem.IsLinux()) usleep(microseconds);
        else Thread.Sleep(TimeSpan.FromTicks(microseconds * 10L));
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int usleep(uint microseconds);
}
