namespace CampaignGrains.Cli.Simulation;

/// <summary>Picks a value with probability proportional to its weight.</summary>
internal sealed class Weighted<T>(params (T Value, int Weight)[] choices)
{
    private readonly int _total = choices.Sum(choice => choice.Weight);

    public T Pick(Random random)
    {
        var ticket = random.Next(_total);
        foreach (var (value, weight) in choices)
        {
            if (ticket < weight) return value;
            ticket -= weight;
        }
        throw new InvalidOperationException("Unreachable: the ticket is below the total weight.");
    }
}
