using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CampaignGrains.Cli.Events;

/// <summary>What an ingest or simulate run achieved: event outcomes, rejections grouped by reason, malformed lines.</summary>
internal sealed class IngestTally
{
    private readonly Dictionary<(string Field, string Message), (long Count, string FirstOrigin)> _rejections = [];
    private readonly List<MalformedLine> _malformed = [];

    public long Accepted { get; private set; }

    public long Duplicates { get; private set; }

    public long Rejected { get; private set; }

    public IReadOnlyList<MalformedLine> Malformed => _malformed;

    /// <summary>Malformed lines or rejected events mean the input needs fixing; duplicates are a safe rerun.</summary>
    public int ExitCode => Rejected > 0 || _malformed.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Ok;

    public void AddMalformed(IEnumerable<MalformedLine> lines) => _malformed.AddRange(lines);

    public void Add(OutgoingBatch batch, IngestResponse response)
    {
        foreach (var result in response.Results)
        {
            switch (result.Outcome)
            {
                case EventOutcome.Accepted:
                    Accepted++;
                    break;
                case EventOutcome.Duplicate:
                    Duplicates++;
                    break;
                default:
                    Rejected++;
                    var key = (result.Field, result.Message);
                    _rejections[key] = _rejections.TryGetValue(key, out var seen)
                        ? (seen.Count + 1, seen.FirstOrigin)
                        : (1, batch.Events[result.Index].Origin);
                    break;
            }
        }
    }

    public IRenderable Summary()
    {
        var totals = Tables.New("Ingest summary", "accepted", "duplicates", "rejected", "malformed lines");
        totals.AddRow(Tables.Cells(Numbers.Count(Accepted), Numbers.Count(Duplicates), Numbers.Count(Rejected), Numbers.Count(_malformed.Count)));
        if (_rejections.Count == 0) return totals;

        var reasons = Tables.New("Rejected events by reason", "field", "message", "events", "first at");
        foreach (var ((field, message), (count, origin)) in _rejections.OrderByDescending(pair => pair.Value.Count))
            reasons.AddRow(Tables.Cells(field, message, Numbers.Count(count), origin));
        return new Rows(totals, reasons);
    }
}
