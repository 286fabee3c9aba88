using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CampaignGrains.Cli.Events;

/// <summary>
/// What an ingest or simulate run achieved: event outcomes, rejections grouped by reason, malformed lines.
/// Batches in flight at once answer on any thread, so every change and every read mid-run takes the lock.
/// </summary>
internal sealed class IngestTally
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Field, string Message), (long Count, string FirstOrigin)> _rejections = [];
    private long _accepted;
    private long _duplicates;
    private long _rejected;
    private long _malformed;

    public long Accepted => Read(ref _accepted);

    public long Duplicates => Read(ref _duplicates);

    public long Rejected => Read(ref _rejected);

    public long Malformed => Read(ref _malformed);

    /// <summary>Events the cluster has answered, whatever the outcome.</summary>
    public long Answered
    {
        get
        {
            lock (_gate) return _accepted + _duplicates + _rejected;
        }
    }

    /// <summary>Malformed lines or rejected events mean the input needs fixing; duplicates are a safe rerun.</summary>
    public int ExitCode => Rejected > 0 || Malformed > 0 ? ExitCodes.InvalidInput : ExitCodes.Ok;

    public void AddMalformed(long lines)
    {
        lock (_gate) _malformed += lines;
    }

    public void Add(OutgoingBatch batch, IngestResponse response)
    {
        lock (_gate)
        {
            foreach (var result in response.Results)
            {
                switch (result.Outcome)
                {
                    case EventOutcome.Accepted:
                        _accepted++;
                        break;
                    case EventOutcome.Duplicate:
                        _duplicates++;
                        break;
                    default:
                        _rejected++;
                        var key = (result.Field, result.Message);
                        _rejections[key] = _rejections.TryGetValue(key, out var seen)
                            ? (seen.Count + 1, seen.FirstOrigin)
                            : (1, batch.Events[result.Index].Origin);
                        break;
                }
            }
        }
    }

    public IRenderable Summary()
    {
        lock (_gate)
        {
            var totals = Tables.New("Ingest summary", "accepted", "duplicates", "rejected", "malformed lines");
            totals.AddRow(Tables.Cells(Numbers.Count(_accepted), Numbers.Count(_duplicates), Numbers.Count(_rejected), Numbers.Count(_malformed)));
            if (_rejections.Count == 0) return totals;

            var reasons = Tables.New("Rejected events by reason", "field", "message", "events", "first at");
            foreach (var ((field, message), (count, origin)) in _rejections.OrderByDescending(pair => pair.Value.Count))
                reasons.AddRow(Tables.Cells(field, message, Numbers.Count(count), origin));
            return new Rows(totals, reasons);
        }
    }

    private long Read(ref long counter)
    {
        lock (_gate) return counter;
    }
}
