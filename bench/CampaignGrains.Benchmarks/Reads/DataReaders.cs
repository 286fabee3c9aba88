using System.Data.Common;

namespace CampaignGrains.Benchmarks.Reads;

internal static class DataReaders
{
    /// <summary>Reads every value of every result set, so a database's read-time aggregation is timed to its last row.</summary>
    public static async Task ReadAllAsync(this DbDataReader reader, CancellationToken cancellationToken)
    {
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var column = 0; column < reader.FieldCount; column++) _ = reader.GetValue(column);
            }
        } while (await reader.NextResultAsync(cancellationToken));
    }
}
