using System.Collections.Concurrent;
using System.Text;
using CampaignGrains.Api.Mapping;
using CampaignGrains.Api.Security;
using CampaignGrains.Api.Tests.Fixtures;
using CampaignGrains.Api.V1;
using CampaignGrains.Statistics;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Domain = CampaignGrains.Abstractions;

namespace CampaignGrains.Api.Tests.Security;

/// <summary>
/// More than a thousand malformed or extreme inputs, from raw bytes and broken frames to every field at
/// and past its limit, thrown at the running gateway while a control campaign of another tenant is
/// ingested alongside. Each input must get its documented answer; the process must stay up; the control
/// campaign must read back exactly as its oracle says.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class HostileInputTests(GatewayFixture fixture)
{
    private const string HostileTenant = "hostile";
    private const string ControlTenant = "control-tenant";
    private const int Seed = 20261128;
    private const int MaxReceive = 16 * 1024 * 1024;
    private const int Concurrency = 8;

    /// <summary>
    /// The answer to a message that is not valid protobuf (random bytes, invalid UTF-8 in a string):
    /// INVALID_ARGUMENT from the gateway's strict parsers. Never UNKNOWN, which says nothing to the caller.
    /// </summary>
    private const string MalformedMessage = "INVALID_ARGUMENT without BadRequest";

    /// <summary>
    /// grpc-dotnet's own answer, before any of the gateway's code runs, to a frame header that no gRPC
    /// library writes: a compression flag above 1, or a declared length of 2^31 bytes or more.
    /// </summary>
    private const string CorruptFrameHeader = "UNKNOWN";

    /// <summary>What grpc-dotnet answers for a body that ends inside a gRPC frame ("Incomplete message.").</summary>
    private const string TruncatedFrame = "INTERNAL";

    private const string Accepted = "OK ACCEPTED";

    private static readonly char[] ControlCharacters =
        ['\u0000', '\u0001', '\u0007', '\u0008', '\t', '\n', '\r', '\u001B', '\u001F', '\u007F', '\u0080', '\u0085', '\u009F'];

    private static readonly string[] LoneSurrogates = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800"];

    /// <summary>Byte sequences that are not UTF-8: encoded surrogates (CESU), stray continuations, overlongs, truncations.</summary>
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80], [0x80], [0xBF], [0xC0, 0x80],
        [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
    ];

    private static readonly string[] InvalidCampaignIds =
    [
        "", " ", "has space", "a/b", "../etc/passwd", "é", "naïve", "emoji😀", "a\u0000b", "<script>", "%41", "a+b", "a*",
        "a\tb", "tab\u0085", "campaign'--", "x\uFFFD", " leading", "trailing ", new string('c', 129), new string('c', 100_000),
    ];

    private static int _next;
    private static int _keys;

    private readonly string _campaign = $"control-{Guid.NewGuid():N}";

    private DateTimeOffset Now => fixture.StatisticsTime.GetUtcNow();

    private static CallOptions Hostile() => Calls.As(HostileTenant);

    [Fact]
    public async Task Thousand_hostile_inputs_get_their_documented_errors_and_leave_the_control_campaign_exact()
    {
        var output = TestContext.Current.TestOutputHelper;
        var random = new Random(Seed);
        using var wire = new HostileWire(fixture.Silo.Channel, fixture.Silo.GrpcPort, Calls.Token(HostileTenant, DevelopmentTokens.DefaultScopes));
        var inputs = Inputs(random, wire);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(inputs));

        // The control campaign, in another tenant, under the same campaign id the hostile inputs write to.
        var control = CampaignGenerator.Generate(Seed, ControlTenant, _campaign, Now, eventCount: 12_000);
        var batches = control.Batches;
        var (before, during, after) = (batches.Take(batches.Count / 4).ToList(), batches.Skip(batches.Count / 4).Take(batches.Count / 2).ToList(),
            batches.Skip(batches.Count / 4 + batches.Count / 2).ToList());
        var keysSent = new HashSet<string>(StringComparer.Ordinal);
        var controlAnswers = new List<string>();

        await SendControlAsync(before, keysSent, controlAnswers);

        var answers = new ConcurrentBag<(HostileInput Input, string Actual, string Detail)>();
        var done = 0;
        var hostile = Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (input, _) =>
        {
            string actual;
            try
            {
                actual = await input.Send();
            }
            catch (RpcException error)
            {
                actual = HostileWire.Label(error);
            }
            catch (Exception error)
            {
                actual = $"client {error.GetType().Name}{HostileWire.DetailSeparator}{error}";
            }
            var split = actual.IndexOf(HostileWire.DetailSeparator, StringComparison.Ordinal);
            answers.Add((input, split < 0 ? actual : actual[..split], split < 0 ? "" : actual[(split + HostileWire.DetailSeparator.Length)..]));
            Interlocked.Increment(ref done);
        });
        // Control batches spread evenly over the hostile run.
        for (var i = 0; i < during.Count; i++)
        {
            while (Volatile.Read(ref done) < (i + 1) * inputs.Count / (during.Count + 1) && !hostile.IsCompleted) await Task.Delay(10);
            await SendControlAsync([during[i]], keysSent, controlAnswers);
        }
        await hostile;
        await SendControlAsync(after, keysSent, controlAnswers);

        // The summary: every input, counted by category and answer.
        output?.WriteLine($"hostile inputs tried: {answers.Count}");
        foreach (var group in answers.GroupBy(a => (a.Input.Category, a.Actual)).OrderBy(g => g.Key.Category, StringComparer.Ordinal).ThenByDescending(g => g.Count()).ThenBy(g => g.Key.Actual, StringComparer.Ordinal))
        {
            var detail = group.First().Detail;
            output?.WriteLine($"  {group.Key.Category,-32} {group.Key.Actual,-36} {group.Count(),5}  {Escape(detail[..Math.Min(detail.Length, 70)])}");
        }
        output?.WriteLine($"control batches: {controlAnswers.Count} ({string.Join(", ", controlAnswers.GroupBy(a => a).Select(g => $"{g.Key} {g.Count()}"))})");
        var wrong = answers.Where(a => a.Actual != a.Input.Expected).ToList();
        foreach (var (input, actual, detail) in wrong.Take(40))
            output?.WriteLine($"WRONG {input.Category} / {input.Description}: expected {input.Expected}, got {actual} ({detail[..Math.Min(detail.Length, 1500)]})");

        // The process is up: the health service answers SERVING, on the old connection and on a new one.
        using (var fresh = GrpcChannel.ForAddress($"http://127.0.0.1:{fixture.Silo.GrpcPort}"))
        {
            foreach (var channel in new[] { fixture.Silo.Channel, fresh })
            {
                var health = await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), Calls.As(ControlTenant));
                Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
            }
        }

        Assert.True(answers.Count >= 1000, $"only {answers.Count} hostile inputs");
        Assert.All(controlAnswers, answer => Assert.StartsWith("OK", answer, StringComparison.Ordinal));
        await AssertControlEqualsOracleAsync(control);
        await AssertNoHostileTextWasKeptAsync();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {answers.Count} inputs got another answer than documented: " + string.Join("; ",
            wrong.GroupBy(w => (w.Input.Category, w.Input.Expected, w.Actual)).Select(g => $"{g.Key.Category}: {g.Count()} × {g.Key.Actual} instead of {g.Key.Expected}")));
    }

    // ---------------------------------------------------------------- the inputs

    private sealed record HostileInput(string Category, string Description, string Expected, Func<Task<string>> Send);

    private List<HostileInput> Inputs(Random random, HostileWire wire)
    {
        var inputs = new List<HostileInput>();
        RandomBytes(random, wire, inputs);
        MutatedMessages(random, wire, inputs);
        TruncatedFrames(random, wire, inputs);
        Oversized(random, wire, inputs);
        BatchLevel(random, inputs);
        LongStrings(random, inputs);
        ControlCharactersAndSurrogates(random, wire, inputs);
        Timestamps(random, inputs);
        Enums(random, inputs);
        EmptyAndInvalidIds(inputs);
        ReportRequests(random, inputs);
        Listing(random, inputs);
        ReusedKeys(inputs);
        ReusedKeyReachingAnotherCampaign(inputs);
        return inputs;
    }

    /// <summary>Random bytes as the message of Ingest and GetEmailTab: parsed, or refused as malformed.</summary>
    private void RandomBytes(Random random, HostileWire wire, List<HostileInput> inputs)
    {
        for (var i = 0; i < 300; i++)
        {
            var bytes = RandomBytesOf(random, random.NextDouble() < 0.8 ? random.Next(0, 64) : random.Next(64, 4096));
            inputs.Add(new("random bytes: Ingest", $"{bytes.Length} bytes #{i}", ExpectedIngest(bytes), () => RawIngestAsync(wire, bytes)));
        }
        for (var i = 0; i < 60; i++)
        {
            var bytes = RandomBytesOf(random, random.Next(0, 256));
            inputs.Add(new("random bytes: GetEmailTab", $"{bytes.Length} bytes #{i}", ExpectedTab(bytes),
                () => wire.SendMessageAsync(HostileWire.EmailTabPath, bytes, Hostile())));
        }
    }

    /// <summary>Valid Ingest messages with flipped, inserted or cut bytes: what a corrupting proxy delivers.</summary>
    private void MutatedMessages(Random random, HostileWire wire, List<HostileInput> inputs)
    {
        for (var i = 0; i < 200; i++)
        {
            var bytes = new IngestRequest { IdempotencyKey = NewKey(), Events = { EmailEvent(), PushEvent(), EmailEvent(EventKind.Bounced) } }.ToByteArray().ToList();
            var mutation = random.Next(5);
            switch (mutation)
            {
                case 0:
                    for (var flips = random.Next(1, 6); flips > 0; flips--) bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    var keep = random.Next(1, bytes.Count);
                    bytes.RemoveRange(keep, bytes.Count - keep);
                    break;
                case 2:
                    bytes.InsertRange(random.Next(bytes.Count), RandomBytesOf(random, random.Next(1, 16)));
                    break;
                case 3:
                    bytes[random.Next(bytes.Count)] = 0xFF;
                    break;
                default:
                    bytes.AddRange(RandomBytesOf(random, random.Next(1, 32)));
                    break;
            }
            var message = bytes.ToArray();
            inputs.Add(new("mutated protobuf: Ingest", $"mutation {mutation} #{i}", ExpectedIngest(message), () => RawIngestAsync(wire, message)));
        }
    }

    /// <summary>Hand-made gRPC frames over raw HTTP/2: a body that ends inside a frame, and other broken framing.</summary>
    private void TruncatedFrames(Random random, HostileWire wire, List<HostileInput> inputs)
    {
        var valid = new IngestRequest { IdempotencyKey = NewKey(), Events = { EmailEvent() } }.ToByteArray();
        for (var i = 0; i < 60; i++)
        {
            var declared = random.Next(1, 4000);
            var present = random.Next(0, declared);
            var message = random.NextDouble() < 0.5 ? RandomBytesOf(random, present) : [.. valid.Concat(RandomBytesOf(random, declared)).Take(present)];
            var body = HostileWire.Frame(message, declaredLength: (uint)declared);
            inputs.Add(new("truncated frame: body", $"declares {declared}, sends {present}", TruncatedFrame, () => wire.PostAsync(HostileWire.IngestPath, body)));
        }
        for (var i = 0; i < 12; i++)
        {
            var body = HostileWire.Frame(valid)[..random.Next(1, 5)];
            inputs.Add(new("truncated frame: header", $"{body.Length} header bytes", TruncatedFrame, () => wire.PostAsync(HostileWire.IngestPath, body)));
        }
        for (var i = 0; i < 12; i++)
        {
            var second = HostileWire.Frame(valid);
            var body = HostileWire.Frame(new IngestRequest { IdempotencyKey = NewKey(), Events = { EmailEvent() } }.ToByteArray()).Concat(second[..random.Next(1, second.Length)]).ToArray();
            inputs.Add(new("truncated frame: second", "a whole frame, then part of another", TruncatedFrame, () => wire.PostAsync(HostileWire.IngestPath, body)));
        }
        for (var i = 0; i < 10; i++)
        {
            var declared = random.Next(10, 500);
            var body = HostileWire.Frame(RandomBytesOf(random, random.Next(0, declared)), declaredLength: (uint)declared);
            inputs.Add(new("truncated frame: GetEmailTab", $"declares {declared}", TruncatedFrame, () => wire.PostAsync(HostileWire.EmailTabPath, body)));
        }
        for (var i = 0; i < 6; i++)
        {
            var body = HostileWire.Frame(new IngestRequest { IdempotencyKey = NewKey(), Events = { EmailEvent() } }.ToByteArray());
            var twice = body.Concat(body).ToArray();
            inputs.Add(new("broken frame: two messages", "a unary call with two messages", "INTERNAL", () => wire.PostAsync(HostileWire.IngestPath, twice)));
        }
        for (var i = 0; i < 6; i++)
            inputs.Add(new("broken frame: empty body", "no frame at all", "INTERNAL", () => wire.PostAsync(HostileWire.IngestPath, [])));
        for (var i = 0; i < 12; i++)
        {
            var flag = i < 6 ? (byte)1 : (byte)random.Next(2, 256);
            var body = HostileWire.Frame(valid, flag);
            inputs.Add(new("broken frame: compression flag", $"flag {flag} without grpc-encoding", flag == 1 ? "INTERNAL" : CorruptFrameHeader, () => wire.PostAsync(HostileWire.IngestPath, body)));
        }
        foreach (var contentType in new[] { "text/plain", "application/json", "application/x-www-form-urlencoded", "application/octet-stream" })
        {
            var body = HostileWire.Frame(valid);
            inputs.Add(new("broken frame: content-type", contentType, "HTTP 415 INTERNAL", () => wire.PostAsync(HostileWire.IngestPath, body, contentType)));
        }
        for (var i = 0; i < 4; i++)
        {
            var start = HostileWire.Frame(valid, declaredLength: (uint)valid.Length + 100)[..(5 + valid.Length / 2)];
            inputs.Add(new("stalled frame", "half a frame, then silence, grpc-timeout 300 ms", "DEADLINE_EXCEEDED", async () =>
            {
                using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                return await wire.PostAsync(HostileWire.IngestPath, new HostileWire.StalledContent(start), timeout: "300m", cancellationToken: giveUp.Token);
            }));
        }
        foreach (var path in new[] { "/campaigngrains.v1.IngestService/Nope", "/campaigngrains.v1.Nope/Ingest", "/campaigngrains.v1.IngestService/", "/nope/x" })
        {
            inputs.Add(new("unknown method", path, "UNIMPLEMENTED", () => wire.SendMessageAsync(path, valid, Hostile())));
        }
    }

    /// <summary>Messages above the 16 MiB receive limit, declared or sent; and one exactly at it.</summary>
    private void Oversized(Random random, HostileWire wire, List<HostileInput> inputs)
    {
        var bytes = RandomBytesOf(random, MaxReceive + 1);
        inputs.Add(new("oversized", "16 MiB + 1 random bytes", "RESOURCE_EXHAUSTED", () => RawIngestAsync(wire, bytes)));
        inputs.Add(new("oversized", "an event with a 17 MiB reason", "RESOURCE_EXHAUSTED", () =>
        {
            var e = EmailEvent(EventKind.Bounced);
            e.Reason = new string('r', 17 * 1024 * 1024);
            return IngestAsync(new IngestRequest { IdempotencyKey = NewKey(), Events = { e } });
        }));
        inputs.Add(new("oversized", "a TabRequest with a 17 MiB campaign id", "RESOURCE_EXHAUSTED", () =>
            TabAsync(new TabRequest { CampaignId = new string('c', 17 * 1024 * 1024), Window = Window.AllTime })));
        foreach (var declared in new[] { (uint)MaxReceive + 1, 0x7FFFFFFFu, 0x80000000u, uint.MaxValue })
        {
            var body = HostileWire.Frame(RandomBytesOf(random, 100), declaredLength: declared);
            inputs.Add(new("oversized", $"a frame header declaring {declared} bytes", declared < 0x80000000u ? "RESOURCE_EXHAUSTED" : CorruptFrameHeader, () => wire.PostAsync(HostileWire.IngestPath, body)));
        }
        inputs.Add(new("oversized", "a message of exactly 16 MiB (a 16 MiB idempotency key)", "INVALID_ARGUMENT(idempotency_key)", () =>
        {
            var request = new IngestRequest { IdempotencyKey = new string('k', MaxReceive - 5) };
            Assert.Equal(MaxReceive, request.CalculateSize());
            return IngestAsync(request);
        }));
    }

    /// <summary>Batches unusable as a whole: INVALID_ARGUMENT with the field.</summary>
    private void BatchLevel(Random random, List<HostileInput> inputs)
    {
        inputs.Add(new("batch", "100,000 events", "INVALID_ARGUMENT(events)", () =>
            IngestAsync(new IngestRequest { IdempotencyKey = NewKey(), Events = { Enumerable.Range(0, 100_000).Select(_ => EmailEvent()) } })));
        inputs.Add(new("batch", "10,001 events", "INVALID_ARGUMENT(events)", () =>
            IngestAsync(new IngestRequest { IdempotencyKey = NewKey(), Events = { Enumerable.Range(0, 10_001).Select(_ => EmailEvent()) } })));
        for (var i = 0; i < 3; i++)
            inputs.Add(new("batch", "no events", "INVALID_ARGUMENT(events)", () => IngestAsync(new IngestRequest { IdempotencyKey = NewKey() })));
        foreach (var key in new[] { "", " ", "\t\r\n", "\u00A0\u2003", new string('k', 129), new string('k', 100_000), new string('k', 1_000_000),
                     RandomText(random, 129, 4000), "😀" + new string('k', 127) })
        {
            inputs.Add(new("batch", $"idempotency key of {key.Length} characters", "INVALID_ARGUMENT(idempotency_key)", () =>
                IngestAsync(new IngestRequest { IdempotencyKey = key, Events = { EmailEvent() } })));
        }
        inputs.Add(new("batch", "no key and no events", "INVALID_ARGUMENT(idempotency_key)", () => IngestAsync(new IngestRequest())));
    }

    /// <summary>Every string field past its limit (rejected, naming it) and at it (accepted), in ASCII and in surrogate pairs.</summary>
    private void LongStrings(Random random, List<HostileInput> inputs)
    {
        foreach (var (field, limit, set) in StringFields())
        {
            var lengths = new List<int> { limit + 1, limit + 2, limit * 2, 4096, 65_536, 1_000_000 };
            for (var i = 0; i < 6; i++) lengths.Add(random.Next(limit + 1, 200_000));
            foreach (var length in lengths)
                inputs.Add(EventInput("long string", $"{field} of {length}", $"OK REJECTED({field})", () => set(BaseFor(field), Unique(length, valid: true))));
            inputs.Add(EventInput("long string: at the limit", $"{field} of {limit}", Accepted, () => set(BaseFor(field), Unique(limit, valid: true))));
            // Surrogate pairs: two UTF-16 characters each, so limit / 2 fit and one more does not.
            if (field != "campaign_id")
            {
                inputs.Add(EventInput("long string: at the limit", $"{field} of {limit / 2} emoji", Accepted, () => set(BaseFor(field), Unique(limit, valid: true)[..4] + string.Concat(Enumerable.Repeat("😀", limit / 2 - 2)))));
                inputs.Add(EventInput("long string", $"{field} of {limit / 2 + 1} emoji", $"OK REJECTED({field})", () => set(BaseFor(field), string.Concat(Enumerable.Repeat("😀", limit / 2 + 1)))));
            }
        }
    }

    /// <summary>Control characters inside each string field; unpaired surrogates through the client, and invalid UTF-8 on the wire.</summary>
    private void ControlCharactersAndSurrogates(Random random, HostileWire wire, List<HostileInput> inputs)
    {
        foreach (var (field, limit, set) in StringFields())
        {
            foreach (var c in ControlCharacters)
            {
                var at = random.Next(1, Math.Min(limit, 20) - 1);
                inputs.Add(EventInput("control character", $"{field} with U+{(int)c:X4}", $"OK REJECTED({field})", () =>
                {
                    var value = Unique(Math.Min(limit, 20), valid: true);
                    return set(BaseFor(field), value[..at] + c + value[at..]);
                }));
            }
            // The client writes strings as UTF-8, which has no unpaired surrogates: it sends U+FFFD, which is valid.
            if (field == "campaign_id") continue;
            foreach (var surrogate in LoneSurrogates)
            {
                inputs.Add(EventInput("unpaired surrogate (client)", $"{field} with {string.Join(' ', surrogate.Select(s => $"U+{(int)s:X4}"))}", Accepted,
                    () => set(BaseFor(field), Unique(10, valid: true) + surrogate + "x")));
            }
        }
        // The bytes a client cannot produce: the placeholder of a serialized request replaced with invalid UTF-8.
        foreach (var field in new[] { "event_id", "profile_id", "domain", "platform", "reason" })
        {
            foreach (var sequence in InvalidUtf8)
            {
                var placeholder = $"Q{Interlocked.Increment(ref _next):D7}Q";
                var e = BaseFor(field);
                _ = Setter(field)(e, placeholder);
                var request = new IngestRequest { IdempotencyKey = NewKey(), Events = { e, EmailEvent() } }.ToByteArray();
                var bytes = ReplaceOnce(request, Encoding.ASCII.GetBytes(placeholder), [(byte)'Q', .. sequence, .. Encoding.ASCII.GetBytes(placeholder)[(1 + sequence.Length)..]]);
                inputs.Add(new("invalid UTF-8 (raw bytes)", $"{field} with {Convert.ToHexString(sequence)}", ExpectedIngest(bytes) == "OK" ? Accepted : ExpectedIngest(bytes),
                    () => RawIngestAsync(wire, bytes, eventOfInterest: 0)));
            }
        }
    }

    /// <summary>Missing, negative, zero, early, far-future and malformed timestamps, and the edges that pass.</summary>
    private void Timestamps(Random random, List<HostileInput> inputs)
    {
        var now = Now;
        var rejected = new (string, Timestamp?)[]
        {
            ("missing", null),
            ("zero (1970)", new Timestamp()),
            ("-1 s", new Timestamp { Seconds = -1 }),
            ("0001-01-01", Timestamp.FromDateTimeOffset(DateTimeOffset.MinValue)),
            ("below 0001-01-01", new Timestamp { Seconds = -62135596801 }),
            ("long.MinValue s", new Timestamp { Seconds = long.MinValue }),
            ("long.MaxValue s", new Timestamp { Seconds = long.MaxValue }),
            ("9999-12-31", new Timestamp { Seconds = 253402300799, Nanos = 999_999_999 }),
            ("past 9999", new Timestamp { Seconds = 253402300800 }),
            ("1999-12-31T23:59:59.999999999", new Timestamp { Seconds = 946684799, Nanos = 999_999_999 }),
            ("now + 5 min + 1 s", Timestamp.FromDateTimeOffset(now.AddMinutes(5).AddSeconds(1))),
            ("now + 1 day", Timestamp.FromDateTimeOffset(now.AddDays(1))),
            ("now + 1 year", Timestamp.FromDateTimeOffset(now.AddYears(1))),
            ("now + 100 years", Timestamp.FromDateTimeOffset(now.AddYears(100))),
            ("nanos -1", new Timestamp { Seconds = now.ToUnixTimeSeconds(), Nanos = -1 }),
            ("nanos 1e9", new Timestamp { Seconds = now.ToUnixTimeSeconds(), Nanos = 1_000_000_000 }),
            ("nanos int.MaxValue", new Timestamp { Seconds = now.ToUnixTimeSeconds(), Nanos = int.MaxValue }),
            ("nanos int.MinValue", new Timestamp { Seconds = now.ToUnixTimeSeconds(), Nanos = int.MinValue }),
        };
        foreach (var (description, time) in rejected)
            inputs.Add(EventInput("timestamp", description, "OK REJECTED(time)", () => WithTime(EmailEvent(), time)));
        foreach (var (description, time) in new[]
                 {
                     ("2000-01-01T00:00:01", new Timestamp { Seconds = 946684801 }),
                     ("now + 4 min 59 s", Timestamp.FromDateTimeOffset(now.AddMinutes(5).AddSeconds(-1))),
                     ("now, nanos 999999999", new Timestamp { Seconds = now.ToUnixTimeSeconds() - 60, Nanos = 999_999_999 }),
                 })
        {
            inputs.Add(EventInput("timestamp: edge", description, Accepted, () => WithTime(EmailEvent(), time)));
        }
        for (var i = 0; i < 40; i++)
        {
            var time = new Timestamp
            {
                Seconds = random.Next(3) switch { 0 => random.NextInt64(long.MinValue, long.MaxValue), 1 => random.NextInt64(-100_000_000_000, 0), _ => random.NextInt64(now.ToUnixTimeSeconds() + 301, 300_000_000_000) },
                Nanos = random.NextDouble() < 0.5 ? random.Next(0, 1_000_000_000) : random.Next(int.MinValue, int.MaxValue),
            };
            inputs.Add(EventInput("timestamp", $"random {time.Seconds} s {time.Nanos} ns", "OK REJECTED(time)", () => WithTime(EmailEvent(), time)));
        }
    }

    /// <summary>Unknown numbers for every enum of an event, and kinds on channels they do not go with.</summary>
    private void Enums(Random random, List<HostileInput> inputs)
    {
        var unknown = new List<int> { -1, int.MinValue, int.MaxValue, 100 };
        for (var i = 0; i < 8; i++) unknown.Add(random.Next(12, int.MaxValue));
        foreach (var value in unknown.Append(3))
            inputs.Add(EventInput("unknown enum", $"channel {value}", "OK REJECTED(channel)", () => With(EmailEvent(), e => e.Channel = (Channel)value)));
        foreach (var value in unknown.Append(0).Append(12))
            inputs.Add(EventInput("unknown enum", $"kind {value}", "OK REJECTED(kind)", () => With(EmailEvent(), e => e.Kind = (EventKind)value)));
        foreach (var value in unknown.Append(4))
        {
            inputs.Add(EventInput("unknown enum", $"bounce_type {value} on an email bounce", "OK REJECTED(bounce_type)", () => With(EmailEvent(EventKind.Bounced), e => e.BounceType = (BounceType)value)));
            inputs.Add(EventInput("unknown enum", $"bounce_type {value} on a push bounce", "OK REJECTED(bounce_type)", () => With(PushEvent(EventKind.Bounced), e => e.BounceType = (BounceType)value)));
            inputs.Add(EventInput("unknown enum", $"bounce_type {value} on a send", "OK REJECTED(bounce_type)", () => With(EmailEvent(), e => e.BounceType = (BounceType)value)));
        }

        (string, string, Func<DeliveryEvent>)[] rules =
        [
            ("entered with a channel", "channel", () => With(EmailEvent(EventKind.Entered), e => e.Domain = "")),
            ("clicked on push", "channel", () => PushEvent(EventKind.Clicked)),
            ("unsubscribed on push", "channel", () => PushEvent(EventKind.Unsubscribed)),
            ("spam complaint on push", "channel", () => PushEvent(EventKind.SpamComplaint)),
            ("push action on email", "channel", () => EmailEvent(EventKind.PushAction)),
            ("sent without a channel", "channel", () => With(EmailEvent(), e => { e.Channel = Channel.Unspecified; e.Domain = ""; })),
            ("email bounce without a type", "bounce_type", () => With(EmailEvent(EventKind.Bounced), e => e.BounceType = BounceType.Unspecified)),
            ("bounce type on a delivery", "bounce_type", () => With(EmailEvent(EventKind.Delivered), e => e.BounceType = BounceType.Hard)),
            ("domain on push", "domain", () => With(PushEvent(), e => e.Domain = "example.org")),
            ("domain with a space", "domain", () => With(EmailEvent(), e => e.Domain = "exa mple.org")),
            ("domain with an ideographic space", "domain", () => With(EmailEvent(), e => e.Domain = "exa\u3000mple.org")),
            ("platform on email", "platform", () => With(EmailEvent(), e => e.Platform = "ios")),
            ("reason on a send", "reason", () => With(EmailEvent(), e => e.Reason = "because")),
            ("reason on an open", "reason", () => With(PushEvent(EventKind.Opened), e => e.Reason = "because")),
        ];
        foreach (var (description, field, make) in rules)
            inputs.Add(EventInput("channel rules", description, $"OK REJECTED({field})", make));
    }

    /// <summary>Empty and whitespace ids, invalid campaign ids, and event ids repeated inside a batch.</summary>
    private void EmptyAndInvalidIds(List<HostileInput> inputs)
    {
        foreach (var id in new[] { "", " ", "\t", "\r\n", "\u00A0", "\u2028" })
        {
            inputs.Add(EventInput("empty id", $"event_id '{Escape(id)}'", "OK REJECTED(event_id)", () => With(EmailEvent(), e => e.EventId = id)));
            inputs.Add(EventInput("empty id", $"profile_id '{Escape(id)}'", "OK REJECTED(profile_id)", () => With(EmailEvent(), e => e.ProfileId = id)));
            inputs.Add(EventInput("empty id", $"campaign_id '{Escape(id)}'", "OK REJECTED(campaign_id)", () => With(EmailEvent(), e => e.CampaignId = id)));
        }
        foreach (var id in InvalidCampaignIds)
            inputs.Add(EventInput("invalid campaign id", $"'{Escape(id)}'", "OK REJECTED(campaign_id)", () => With(EmailEvent(), e => e.CampaignId = id)));
        for (var i = 0; i < 5; i++)
        {
            inputs.Add(new("repeated event id", "an event id twice in one batch", "OK DUPLICATE(event_id)", async () =>
            {
                var first = EmailEvent();
                var repeat = With(EmailEvent(EventKind.Delivered), e => e.EventId = $"  {first.EventId}\t");
                var response = await new IngestService.IngestServiceClient(fixture.Silo.Channel).IngestAsync(new IngestRequest { IdempotencyKey = NewKey(), Events = { first, repeat } }, Hostile());
                return response.Results[0].Outcome == EventOutcome.Accepted ? Outcome(response.Results[1]) : $"first event {Outcome(response.Results[0])}";
            }));
        }
    }

    /// <summary>Report requests with bad campaign ids, windows and tabs (INVALID_ARGUMENT naming the field), and unknown campaigns.</summary>
    private void ReportRequests(Random random, List<HostileInput> inputs)
    {
        var badWindows = new[] { 0, 3, -1, 99, int.MaxValue, int.MinValue, random.Next(4, int.MaxValue) };
        foreach (var (name, call) in ReportCalls())
        {
            foreach (var id in InvalidCampaignIds)
                inputs.Add(new("report: campaign_id", $"{name} '{Escape(id)}'", "INVALID_ARGUMENT(campaign_id)", () => call(new ReportRequest { CampaignId = id, Window = Window.AllTime })));
            foreach (var window in badWindows)
                inputs.Add(new("report: window", $"{name} window {window}", "INVALID_ARGUMENT(window)", () => call(new ReportRequest { CampaignId = _campaign, Window = (Window)window })));
            for (var i = 0; i < 3; i++)
            {
                var id = $"never-{Guid.NewGuid():N}";
                inputs.Add(new("report: unknown campaign", $"{name} {id}", "NOT_FOUND", () => call(new ReportRequest { CampaignId = id, Window = Window.Last24H })));
            }
        }
        foreach (var (name, call) in ReportCalls().Where(c => c.Name is "GetReport" or "WatchReport"))
        {
            foreach (var tab in new[] { 0, 4, -1, 99, int.MinValue })
            {
                inputs.Add(new("report: tabs", $"{name} tab {tab}", "INVALID_ARGUMENT(tabs)", () =>
                    call(new ReportRequest { CampaignId = _campaign, Window = Window.AllTime, Tabs = { Tab.Email, (Tab)tab } })));
            }
        }
    }

    /// <summary>ListCampaigns with page sizes out of range and page tokens that no listing handed out.</summary>
    private void Listing(Random random, List<HostileInput> inputs)
    {
        foreach (var size in new[] { -1, -100, 501, 1000, int.MaxValue, int.MinValue, random.Next(501, int.MaxValue), random.Next(int.MinValue, 0) })
            inputs.Add(new("list: page_size", $"{size}", "INVALID_ARGUMENT(page_size)", () => ListAsync(new ListCampaignsRequest { PageSize = size })));
        foreach (var size in new[] { 0, 1, 500 })
            inputs.Add(new("list: page_size", $"{size}", "OK", () => ListAsync(new ListCampaignsRequest { PageSize = size })));
        var tokens = new List<string>
        {
            "garbage", " ", "x y", "a b c d", "\u0000", "'", "' or PartitionKey ne '", "%00", "&$filter=true", "control-tenant", $"control-tenant {_campaign}",
            "1!12!Y29udHJvbC10ZW5hbnQ-", new string('t', 10_000), "😀", "\uFFFD", Convert.ToBase64String(RandomBytesOf(random, 48)),
        };
        for (var i = 0; i < 8; i++) tokens.Add(RandomText(random, 1, 300));
        foreach (var token in tokens)
            inputs.Add(new("list: page_token", $"'{Escape(token)[..Math.Min(Escape(token).Length, 40)]}'", "INVALID_ARGUMENT(page_token)", () => ListAsync(new ListCampaignsRequest { PageSize = 10, PageToken = token })));
        // Tokens pointing into the hostile tenant's rows, used by the control tenant: nothing of the hostile tenant may come back.
        foreach (var token in new[] { "hostile", "hostile a", "hostile u", "hostile ~", "a", "~", "hostile\u0000", "hostile !" })
        {
            inputs.Add(new("list: page_token (other tenant)", $"'{Escape(token)}'", "INVALID_ARGUMENT(page_token)", async () =>
            {
                var page = await fixture.Silo.Reports.ListCampaignsAsync(new ListCampaignsRequest { PageSize = 500, PageToken = token }, Calls.As(ControlTenant));
                var foreign = page.Campaigns.Count(c => c.CampaignId != _campaign);
                return foreign == 0 ? "OK" : $"OK LEAKED {foreign} campaigns of another tenant";
            }));
        }
    }

    /// <summary>One key, then other content under it (refused, nothing changes), then the first content again (a duplicate).</summary>
    private void ReusedKeys(List<HostileInput> inputs)
    {
        Func<RepeatedField<DeliveryEvent>, IEnumerable<DeliveryEvent>>[] changes =
        [
            events => events.Append(EmailEvent(EventKind.Opened)),
            events => events.Skip(1),
            events => events.Reverse(),
            events => events.Select((e, i) => i == 0 ? With(e.Clone(), x => x.Kind = EventKind.Delivered) : e),
            events => events.Select((e, i) => i == 0 ? With(e.Clone(), x => x.Time = Timestamp.FromDateTimeOffset(x.Time.ToDateTimeOffset().AddSeconds(1))) : e),
            events => events.Select((e, i) => i == 0 ? With(e.Clone(), x => x.ProfileId += "x") : e),
            events => events.Select((e, i) => i == 0 ? With(e.Clone(), x => x.Domain = "other.example") : e),
            events => events.Select((e, i) => i == 0 ? With(e.Clone(), x => x.EventId += "x") : e),
            events => events.Append(With(EmailEvent(), x => x.Kind = (EventKind)99)),
        ];
        for (var i = 0; i < 45; i++)
        {
            var change = changes[i % changes.Length];
            var index = i;
            inputs.Add(new("reused key", $"change {i % changes.Length}", "APPLIED > KEY_REUSED_WITH_OTHER_CONTENT > ALREADY_APPLIED", async () =>
            {
                var client = new IngestService.IngestServiceClient(fixture.Silo.Channel);
                var first = new IngestRequest { IdempotencyKey = $"reused-{index}-{NewKey()}", Events = { EmailEvent(), EmailEvent(EventKind.Delivered), EmailEvent(EventKind.Opened) } };
                var other = new IngestRequest { IdempotencyKey = first.IdempotencyKey, Events = { change(first.Clone().Events) } };
                var applied = await client.IngestAsync(first, Hostile());
                var reused = await client.IngestAsync(other, Hostile());
                var again = await client.IngestAsync(first, Hostile());
                if (reused.Outcome == BatchOutcome.KeyReusedWithOtherContent &&
                    !reused.Results.All(r => (r.Outcome, r.Field) == (EventOutcome.Rejected, "idempotency_key")))
                    return "KEY_REUSED_WITH_OTHER_CONTENT with an event not rejected for idempotency_key";
                return string.Join(" > ", new[] { applied, reused, again }.Select(r => r.Outcome switch
                {
                    BatchOutcome.Applied => "APPLIED",
                    BatchOutcome.AlreadyApplied => "ALREADY_APPLIED",
                    BatchOutcome.KeyReusedWithOtherContent => "KEY_REUSED_WITH_OTHER_CONTENT",
                    _ => r.Outcome.ToString(),
                }));
            }));
        }
    }

    // ---------------------------------------------------------------- sending

    /// <summary>
    /// A key reused with content that also names a campaign the key never reached: the batch is refused
    /// (every event rejected, "nothing changed"), so that campaign must not exist afterwards.
    /// </summary>
    private void ReusedKeyReachingAnotherCampaign(List<HostileInput> inputs)
    {
        for (var i = 0; i < 5; i++)
        {
            inputs.Add(new("reused key: another campaign", "the same key, plus an event of a new campaign", "KEY_REUSED_WITH_OTHER_CONTENT > NOT_FOUND", async () =>
            {
                var client = new IngestService.IngestServiceClient(fixture.Silo.Channel);
                var first = new IngestRequest { IdempotencyKey = NewKey(), Events = { EmailEvent(), EmailEvent(EventKind.Delivered) } };
                var other = first.Clone();
                var elsewhere = Calls.NewCampaignId();
                other.Events.Add(With(EmailEvent(), e => e.CampaignId = elsewhere));
                await client.IngestAsync(first, Hostile());
                var reused = await client.IngestAsync(other, Hostile());
                string campaign;
                try
                {
                    var tab = await fixture.Silo.Reports.GetEmailTabAsync(new TabRequest { CampaignId = elsewhere, Window = Window.AllTime }, Hostile());
                    campaign = $"exists with {tab.Totals.Sent} sent";
                }
                catch (RpcException error)
                {
                    campaign = HostileWire.Name(error.StatusCode);
                }
                return $"{(reused.Outcome == BatchOutcome.KeyReusedWithOtherContent ? "KEY_REUSED_WITH_OTHER_CONTENT" : reused.Outcome.ToString())} > {campaign}";
            }));
        }
    }

    /// <summary>A key of fixed length, numbered in order, so the inputs built up front are the same bytes every run.</summary>
    private static string NewKey() => $"hostile-{Interlocked.Increment(ref _keys):D8}";

    /// <summary>A batch of the hostile event and a valid companion: the call succeeds, the companion is accepted, the label is the hostile event's outcome.</summary>
    private HostileInput EventInput(string category, string description, string expected, Func<DeliveryEvent> make) =>
        new(category, description, expected, async () =>
        {
            var response = await new IngestService.IngestServiceClient(fixture.Silo.Channel)
                .IngestAsync(new IngestRequest { IdempotencyKey = NewKey(), Events = { make(), EmailEvent() } }, Hostile());
            if (response.Results.Count != 2 || response.Results[1].Outcome != EventOutcome.Accepted)
                return $"companion not accepted: {response.Results.Count} results";
            return Outcome(response.Results[0]);
        });

    private static string Outcome(EventResult result) => result.Outcome switch
    {
        EventOutcome.Accepted => Accepted,
        EventOutcome.Rejected => $"OK REJECTED({result.Field})",
        _ => $"OK DUPLICATE({result.Field})",
    };

    private async Task<string> IngestAsync(IngestRequest request)
    {
        await new IngestService.IngestServiceClient(fixture.Silo.Channel).IngestAsync(request, Hostile());
        return "OK";
    }

    private async Task<string> TabAsync(TabRequest request)
    {
        await fixture.Silo.Reports.GetEmailTabAsync(request, Hostile());
        return "OK";
    }

    private async Task<string> ListAsync(ListCampaignsRequest request)
    {
        await fixture.Silo.Reports.ListCampaignsAsync(request, Hostile());
        return "OK";
    }

    /// <summary>Raw bytes as the Ingest message; an answer that is a response is decoded, and labelled by one event's outcome if asked.</summary>
    private static async Task<string> RawIngestAsync(HostileWire wire, byte[] message, int? eventOfInterest = null)
    {
        byte[] answer;
        try
        {
            answer = await wire.InvokeAsync(HostileWire.IngestPath, message, Hostile());
        }
        catch (RpcException error)
        {
            return HostileWire.Label(error);
        }
        var response = IngestResponse.Parser.ParseFrom(answer);
        return eventOfInterest is { } index ? Outcome(response.Results[index]) : "OK";
    }

    private (string Name, Func<ReportRequest, Task<string>> Call)[] ReportCalls()
    {
        var reports = fixture.Silo.Reports;
        return
        [
            ("GetCampaignTab", async r => { await reports.GetCampaignTabAsync(new TabRequest { CampaignId = r.CampaignId, Window = r.Window }, Hostile()); return "OK"; }),
            ("GetEmailTab", async r => { await reports.GetEmailTabAsync(new TabRequest { CampaignId = r.CampaignId, Window = r.Window }, Hostile()); return "OK"; }),
            ("GetPushTab", async r => { await reports.GetPushTabAsync(new TabRequest { CampaignId = r.CampaignId, Window = r.Window }, Hostile()); return "OK"; }),
            ("GetReport", async r => { await reports.GetReportAsync(r, Hostile()); return "OK"; }),
            ("WatchReport", async r =>
            {
                using var watch = reports.WatchReport(r, Calls.As(HostileTenant, TimeSpan.FromSeconds(10)));
                return await watch.ResponseStream.MoveNext() ? "OK" : "OK without a snapshot";
            }),
        ];
    }

    // ---------------------------------------------------------------- expectations of raw bytes

    /// <summary>What Ingest must answer for these bytes: malformed, or what the parsed request is worth as a batch.</summary>
    private static string ExpectedIngest(byte[] bytes)
    {
        IngestRequest request;
        try
        {
            request = IngestRequest.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return MalformedMessage;
        }
        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) || request.IdempotencyKey.Length > 128) return "INVALID_ARGUMENT(idempotency_key)";
        if (request.Events.Count == 0) return "INVALID_ARGUMENT(events)";
        return "OK";
    }

    private static string ExpectedTab(byte[] bytes)
    {
        TabRequest request;
        try
        {
            request = TabRequest.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return MalformedMessage;
        }
        if (!Domain.CampaignKey.IsValidId(request.CampaignId)) return "INVALID_ARGUMENT(campaign_id)";
        if (request.Window is not (Window.Last24H or Window.AllTime)) return "INVALID_ARGUMENT(window)";
        return "NOT_FOUND";
    }

    // ---------------------------------------------------------------- events

    private DeliveryEvent EmailEvent(EventKind kind = EventKind.Sent)
    {
        var n = Interlocked.Increment(ref _next);
        return new DeliveryEvent
        {
            EventId = $"h-{n}",
            CampaignId = _campaign,
            Channel = Channel.Email,
            Kind = kind,
            Time = Timestamp.FromDateTimeOffset(Now.AddMinutes(-30)),
            ProfileId = $"p-{n % 50}",
            Domain = "example.org",
            BounceType = kind == EventKind.Bounced ? BounceType.Hard : BounceType.Unspecified,
            Reason = kind == EventKind.Bounced ? "mailbox unknown" : "",
        };
    }

    private DeliveryEvent PushEvent(EventKind kind = EventKind.Sent)
    {
        var n = Interlocked.Increment(ref _next);
        return new DeliveryEvent
        {
            EventId = $"h-{n}",
            CampaignId = _campaign,
            Channel = Channel.Push,
            Kind = kind,
            Time = Timestamp.FromDateTimeOffset(Now.AddMinutes(-30)),
            ProfileId = $"p-{n % 50}",
            Platform = "ios",
        };
    }

    /// <summary>The string fields: name, limit, and how to put a value into an event built for it.</summary>
    private static (string Field, int Limit, Func<DeliveryEvent, string, DeliveryEvent> Set)[] StringFields() =>
    [
        ("event_id", 128, Setter("event_id")),
        ("campaign_id", 128, Setter("campaign_id")),
        ("profile_id", 256, Setter("profile_id")),
        ("domain", 253, Setter("domain")),
        ("platform", 32, Setter("platform")),
        ("reason", 128, Setter("reason")),
    ];

    private static Func<DeliveryEvent, string, DeliveryEvent> Setter(string field) => field switch
    {
        "event_id" => (e, v) => With(e, x => x.EventId = v),
        "campaign_id" => (e, v) => With(e, x => x.CampaignId = v),
        "profile_id" => (e, v) => With(e, x => x.ProfileId = v),
        "domain" => (e, v) => With(e, x => x.Domain = v),
        "platform" => (e, v) => With(e, x => x.Platform = v),
        _ => (e, v) => With(e, x => x.Reason = v),
    };

    /// <summary>A valid event that may carry <paramref name="field"/>.</summary>
    private DeliveryEvent BaseFor(string field) => field switch
    {
        "platform" => PushEvent(),
        "reason" => EmailEvent(EventKind.Bounced),
        _ => EmailEvent(),
    };

    private static DeliveryEvent With(DeliveryEvent e, Action<DeliveryEvent> change)
    {
        change(e);
        return e;
    }

    private static DeliveryEvent WithTime(DeliveryEvent e, Timestamp? time) => With(e, x => x.Time = time);

    /// <summary>A string of exactly <paramref name="length"/> id characters, unique in the run, so accepted events never repeat.</summary>
    private static string Unique(int length, bool valid)
    {
        var prefix = $"u{Interlocked.Increment(ref _next)}-";
        return length <= prefix.Length ? prefix[..length] : prefix + new string(valid ? 'a' : ' ', length - prefix.Length);
    }

    private static byte[] RandomBytesOf(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Random text from the whole BMP but the surrogates: letters, symbols, controls, whitespace.</summary>
    private static string RandomText(Random random, int minLength, int maxLength)
    {
        var chars = new char[random.Next(minLength, maxLength + 1)];
        for (var i = 0; i < chars.Length; i++)
        {
            var c = (char)random.Next(0, 0xFFFE);
            chars[i] = char.IsSurrogate(c) ? 'x' : c;
        }
        return new string(chars);
    }

    private static string Escape(string text) =>
        string.Concat(text.Take(200).Select(c => char.IsControl(c) || (char.IsWhiteSpace(c) && c != ' ') || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    private static byte[] ReplaceOnce(byte[] bytes, byte[] find, byte[] replacement)
    {
        var at = bytes.AsSpan().IndexOf(find);
        Assert.True(at >= 0 && find.Length == replacement.Length);
        var copy = (byte[])bytes.Clone();
        replacement.CopyTo(copy, at);
        return copy;
    }

    // ---------------------------------------------------------------- the control campaign

    private async Task SendControlAsync(IEnumerable<Domain.EventBatch> batches, HashSet<string> keysSent, List<string> answers)
    {
        var client = new IngestService.IngestServiceClient(fixture.Silo.Channel);
        foreach (var batch in batches)
        {
            var response = await client.IngestAsync(batch.ToIngestRequest(), Calls.As(ControlTenant));
            var expected = keysSent.Add(batch.IdempotencyKey) ? BatchOutcome.Applied : BatchOutcome.AlreadyApplied;
            answers.Add(response.Outcome == expected && response.Results.Count == batch.Events.Length ? $"OK {expected}" : $"unexpected {response.Outcome}");
        }
    }

    /// <summary>Every tab of the control campaign, both windows, equal to the oracle (unique counts within their estimate's error).</summary>
    private async Task AssertControlEqualsOracleAsync(GeneratedCampaign control)
    {
        var reports = fixture.Silo.Reports;
        await OracleAssert.TabsEqualAsync(reports, Calls.As(ControlTenant), ReportOracle.From(control.Batches), control.CampaignId, Now);
        var listed = await reports.ListCampaignsAsync(new ListCampaignsRequest(), Calls.As(ControlTenant));
        Assert.Equal([control.CampaignId], listed.Campaigns.Select(c => c.CampaignId));
    }

    /// <summary>What the hostile tenant got counted under the same campaign id holds no control character and no unpaired surrogate.</summary>
    private async Task AssertNoHostileTextWasKeptAsync()
    {
        var request = new TabRequest { CampaignId = _campaign, Window = Window.AllTime };
        var email = await fixture.Silo.Reports.GetEmailTabAsync(request, Hostile());
        var push = await fixture.Silo.Reports.GetPushTabAsync(request, Hostile());
        var texts = email.Domains.Domains.Select(d => d.Domain)
            .Concat(new[] { email.BounceReasons, email.ErrorReasons, email.ExcludeReasons, push.BounceReasons, push.ErrorReasons, push.ExcludeReasons }.SelectMany(b => b.Reasons.Select(r => r.Reason)))
            .Concat(push.Platforms.Platforms.Select(p => p.Platform))
            .ToList();
        Assert.NotEmpty(texts);
        Assert.All(texts, text => Assert.False(text.Any(char.IsControl) || HasUnpairedSurrogate(text), $"kept '{Escape(text)}'"));
    }

    private static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }
}
