using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CampaignGrains.Api.Security;
using CampaignGrains.Cli.Connection;
using CampaignGrains.Cli.Events;
using CampaignGrains.Cli.Simulation;

namespace CampaignGrains.Cli.Commands;

/// <summary><c>simulate &lt;campaign&gt;</c>: generates a realistic campaign and streams it in at a chosen rate.</summary>
internal static class SimulateCommand
{
    public static Command Create(GlobalOptions global, Terminal terminal)
    {
        var campaign = new Argument<string>("campaign") { Description = "The campaign id to generate events for" };
        var recipients = Whole("--recipients", "Profiles entering the campaign", 10_000, 1, 10_000_000);
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed and options give the same events and keys", DefaultValueFactory = _ => 1 };
        var rate = new Option<double>("--rate") { Description = "Events per second sent (token-bucket pacing)", DefaultValueFactory = _ => 2000 };
        rate.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not > 0) result.AddError("--rate must be above 0 events per second.");
        });
        var span = new Option<TimeSpan>("--span")
        {
            Description = "How long the events are spread over: e.g. 90m, 24h, 7d",
            DefaultValueFactory = _ => TimeSpan.FromHours(24),
            CustomParser = ParseSpan,
        };
        var end = new Option<DateTimeOffset>("--end")
        {
            Description = "When the span ends, RFC 3339 (default: now, down to the hour, so a rerun within the hour is the same simulation)",
            DefaultValueFactory = _ => FloorToHour(DateTimeOffset.UtcNow),
            CustomParser = ParseEnd,
        };
        var emailShare = Fraction("--email-share", "Share of recipients reached by email (the rest by push)", 0.7);
        var deliveryRate = Fraction("--delivery-rate", "Delivered / sent", 0.95);
        var bounceRate = Fraction("--bounce-rate", "Bounces / sent", 0.03);
        var openRate = Fraction("--open-rate", "Recipients who open / delivered", 0.35);
        var clickRate = Fraction("--click-rate", "Email recipients who click / delivered (clickers are openers)", 0.08);
        var batchSize = BatchOptions.BatchSize(defaultSize: 500, maxSize: 10_000);
        var retries = BatchOptions.Retries();
        var parallel = BatchOptions.Parallel();

        var command = new Command("simulate",
            "Generate a realistic campaign (entered, excluded, sent, delivered, bounced, errored, opened, clicked, unsubscribed, spam complaints, " +
            "push actions over realistic domains and platforms; each journey in causal order) and stream it in at --rate. " +
            "Deterministic: the same options give the same events and idempotency keys, so a rerun answers duplicates.")
        {
            campaign, recipients, seed, rate, span, end, emailShare, deliveryRate, bounceRate, openRate, clickRate, batchSize, retries, parallel,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(deliveryRate) + result.GetValue(bounceRate) > 1) result.AddError("--delivery-rate plus --bounce-rate must not exceed 1.");
        });
        command.SetAction((parse, cancellationToken) => ClusterCall.RunAsync(global, parse, Scopes.EventsWrite, async connection =>
        {
            var options = new SimulationOptions(parse.GetRequiredValue(campaign), parse.GetValue(recipients), parse.GetValue(seed),
                parse.GetValue(span), parse.GetValue(end), parse.GetValue(emailShare), parse.GetValue(deliveryRate), parse.GetValue(bounceRate),
                parse.GetValue(openRate), parse.GetValue(clickRate));
            var events = CampaignSimulator.Generate(options);
            var tally = new IngestTally();
            await IngestRun.SendAllAsync(terminal, new BatchSender(connection, parse.GetValue(retries)),
                CampaignSimulator.Batches(options, events, parse.GetValue(batchSize)).ToAsyncEnumerable(), parse.GetValue(parallel),
                new TokenBucket(parse.GetValue(rate), TimeProvider.System), new RunProgress($"Simulating {options.CampaignId}", events.Count, () => tally.Answered),
                tally, cancellationToken);
            terminal.Console.Write(tally.Summary());
            return tally.ExitCode;
        }));
        return command;
    }

    private static DateTimeOffset FloorToHour(DateTimeOffset time) => new(time.UtcDateTime.Date.AddHours(time.UtcDateTime.Hour), TimeSpan.Zero);

    private static Option<int> Whole(string name, string description, int defaultValue, int min, int max)
    {
        var option = new Option<int>(name) { Description = $"{description}, {min} to {max}", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < min || result.GetValueOrDefault<int>() > max) result.AddError($"{name} must be between {min} and {max}.");
        });
        return option;
    }

    private static Option<double> Fraction(string name, string description, double defaultValue)
    {
        var option = new Option<double>(name) { Description = $"{description}, 0 to 1", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (>= 0 and <= 1)) result.AddError($"{name} must be a fraction between 0 and 1, e.g. 0.95.");
        });
        return option;
    }

    private static TimeSpan ParseSpan(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value.Trim();
        var unit = text.Length > 1 ? text[^1] switch { 's' => TimeSpan.FromSeconds(1), 'm' => TimeSpan.FromMinutes(1), 'h' => TimeSpan.FromHours(1), 'd' => TimeSpan.FromDays(1), _ => TimeSpan.Zero } : TimeSpan.Zero;
        if (unit > TimeSpan.Zero && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0 && amount <= 3660)
            return unit * amount;
        result.AddError($"--span '{text}' is not a duration such as 90m, 24h or 7d.");
        return TimeSpan.Zero;
    }

    private static DateTimeOffset ParseEnd(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var end)) return end;
        result.AddError($"--end '{text}' is not a time such as 2026-11-28T12:00:00Z.");
        return default;
    }
}
