namespace CampaignGrains.Testing;

/// <summary>Picks items with probability proportional to their weight.</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] items;
    private readonly double[] upperBounds;

    public WeightedChoice(IEnumerable<(T Item, double Weight)> entries)
    {
        var list = entries.ToArray();
        if (list.Length == 0) throw new ArgumentException("At least one entry is needed.", nameof(entries));
        items = list.Select(e => e.Item).ToArray();
        upperBounds = new double[list.Length];
        var sum = 0.0;
        for (var i = 0; i < list.Length; i++)
        {
            sum += list[i].Weight;
            upperBounds[i] = sum;
        }
    }

    public T Next(Random random)
    {
        var x = random.NextDouble() * upperBounds[^1];
        for (var i = 0; i < upperBounds.Length; i++)
        {
            if (x < upperBounds[i]) return items[i];
        }
        return items[^1];
    }

    /// <summary>Zipf-like popularity: the i-th item weighs 1/(i+1)^exponent.</summary>
    public static WeightedChoice<T> Skewed(IReadOnlyList<T> itemsByPopularity, double exponent) =>
        new(itemsByPopularity.Select((item, i) => (item, 1.0 / Math.Pow(i + 1, exponent))));
}
