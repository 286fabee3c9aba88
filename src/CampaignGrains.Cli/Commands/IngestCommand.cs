using System.CommandLine;
using CampaignGrains.Api.Security;
using CampaignGrains.Cli.Connection;
using CampaignGrains.Cli.Events;

namespace CampaignGrains.Cli.Commands;

/// <summary><c>ingest &lt;file&gt;...</c>: delivery events from NDJSON or CSV files, in batches that are safe to resend.</summary>
internal static class IngestCommand
{
    public const string Name = "ingest";

    /// <summary>The file schema, printed after the command's help (the root's command list shows only the one-line summary).</summary>
    public const string Schema = """
        File schema:
        NDJSON: one JSON object per line. CSV (RFC 4180): a header row naming the columns, then one event per row.
        Field and column names are DeliveryEvent's proto JSON names (case does not matter); every value is a string,
        and a missing or empty one is absent:
          eventId     required, at most 128 characters; a repeat inside one batch counts once
          campaignId  required: 1 to 128 of A-Z a-z 0-9 - _ . :
          channel     email | push (or CHANNEL_EMAIL, CHANNEL_PUSH); none for entered, optional for excluded
          kind        entered | excluded | sent | delivered | bounced | errored | opened | clicked | unsubscribed |
                      spam_complaint | push_action (or the enum names, e.g. EVENT_KIND_SENT)
          time        RFC 3339, e.g. 2026-11-28T12:00:00Z; after 2000-01-01, at most 5 minutes ahead of the server
          profileId   required, at most 256 characters
          domain      recipient domain, email events only
          platform    ios, android, web, ...: push events only
          bounceType  hard | soft | ignored: bounced events only; required on email bounces
          reason      bounce, error or exclude reason: bounced, errored and excluded events only
        Example line: {"eventId":"e1","campaignId":"spring-sale","channel":"email","kind":"sent","time":"2026-11-28T12:00:00Z","profileId":"p1","domain":"gmail.com"}

        Files are streamed, so any size is read in bounded memory: about --parallel batches at a time.
        A line that cannot be read is reported as file:line with the reason and not sent; the rest is sent. Only the
        first 100 such lines are printed; the summary counts them all.
        Each batch's idempotency key is ingest-<SHA-256 of the file's content>-<batch index>: running the same file
        again, with the same --batch-size, answers duplicates and never counts twice. Up to --parallel batches are in
        flight at once, in any order. Unavailable, deadline-exceeded and rate-limited calls are retried with the same
        key; any other failure stops the run. Exit code 6 when any line was malformed or any event rejected (the
        summary groups rejections by field and message).
        """;

    private const int MaxBatchSize = 10_000;

    public static Command Create(GlobalOptions global, Terminal terminal)
    {
        var files = new Argument<FileInfo[]>("file") { Description = "NDJSON (.ndjson, .jsonl, .json) or CSV (.csv) files", Arity = ArgumentArity.OneOrMore };
        files.AcceptExistingOnly();
        var format = ChoiceOption.Create("--format", "The files' format (default: by each file's extension)", null, "ndjson", "csv");
        var batchSize = BatchOptions.BatchSize(defaultSize: 1000, MaxBatchSize);
        var retries = BatchOptions.Retries();
        var parallel = BatchOptions.Parallel();
        var command = new Command(Name, "Send delivery events from NDJSON or CSV files") { files, format, batchSize, retries, parallel };
        command.Validators.Add(result =>
        {
            if (result.GetValue(format) is not null) return;
            foreach (var file in result.GetValue(files) ?? [])
            {
                if (FormatOf(file) is null)
                    result.AddError($"Cannot tell the format of '{file.Name}' from its extension: pass --format ndjson or --format csv.");
            }
        });
        command.SetAction((parse, cancellationToken) => ClusterCall.RunAsync(global, parse, Scopes.EventsWrite, async connection =>
        {
            EventFormat? named = parse.GetValue(format) is { } name ? Enum.Parse<EventFormat>(name, ignoreCase: true) : null;
            var eventFiles = new EventFiles([.. parse.GetRequiredValue(files).Select(file => new EventFile(file, named ?? FormatOf(file)!.Value))]);
            var malformed = new MalformedLineLog(terminal.Error);
            var tally = new IngestTally();
            await IngestRun.SendAllAsync(terminal, new BatchSender(connection, parse.GetValue(retries)),
                eventFiles.BatchesAsync(parse.GetValue(batchSize), malformed.Add, cancellationToken), parse.GetValue(parallel), pacing: null,
                new RunProgress("Ingesting", eventFiles.TotalBytes, () => eventFiles.BytesRead), tally, cancellationToken);
            malformed.WriteUnprinted();
            tally.AddMalformed(malformed.Count);
            terminal.Console.Write(tally.Summary());
            return tally.ExitCode;
        }));
        return command;
    }

    private static EventFormat? FormatOf(FileInfo file) => file.Extension.ToLowerInvariant() switch
    {
        ".ndjson" or ".jsonl" or ".json" => EventFormat.Ndjson,
        ".csv" => EventFormat.Csv,
        _ => null,
    };
}
