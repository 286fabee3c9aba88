using System.Reflection;
using System.Security.Claims;
using System.Threading.Channels;
using CampaignGrains.Abstractions;
using CampaignGrains.Api.Services;
using Microsoft.AspNetCore.Http;
using V1 = CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Tests.Services;

/// <summary>
/// The streaming ingest's pipeline, with the ingest grain held by the test: several batches of one stream are in
/// the grain at once, and their answers still go out in request order, whatever order the grain answers in.
/// (The real stack's ordering is tested in <see cref="IngestServiceTests"/>.)
/// </summary>
public sealed class IngestStreamPipeliningTests
{
    [Fact]
    public async Task Batches_of_a_stream_are_ingested_at_once_and_answered_in_request_order()
    {
        var grain = new HeldIngestGrain();
        var service = new IngestService(GrainFactoryOf(grain));
        var requests = System.Threading.Channels.Channel.CreateUnbounded<V1.IngestRequest>();
        var responses = new RecordingWriter();
        var keys = Enumerable.Range(0, 4).Select(i => $"batch-{i}").ToList();

        var stream = service.IngestStream(new ChannelReader(requests.Reader), responses, new TenantCallContext("pipelining"));
        foreach (var key in keys) await requests.Writer.WriteAsync(new V1.IngestRequest { IdempotencyKey = key }, TestContext.Current.CancellationToken);

        // Every batch reaches the grain while none is answered: the stream does not wait for one to read the next.
        await grain.WhenCalledAsync(keys.Count);
        Assert.Empty(responses.Written);
        foreach (var key in Enumerable.Reverse(keys)) grain.Answer(key);
        requests.Writer.Complete();
        await stream;

        Assert.Equal(keys, responses.Written.Select(response => response.IdempotencyKey));
    }

    /// <summary>Answers each batch only when the test says so.</summary>
    private sealed class HeldIngestGrain : IIngestGrain
    {
        private readonly Dictionary<string, TaskCompletionSource<IngestResult>> _calls = [];
        private readonly Lock _lock = new();

        public Task<IngestResult> IngestAsync(EventBatch batch, CancellationToken cancellationToken = default)
        {
            var call = new TaskCompletionSource<IngestResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_lock) _calls.Add(batch.IdempotencyKey, call);
            return call.Task;
        }

        public async Task WhenCalledAsync(int count)
        {
            for (var attempt = 0; Calls() < count; attempt++)
            {
                if (attempt == 400) throw new InvalidOperationException($"Only {Calls()} of {count} batches reached the grain.");
                await Task.Delay(25, TestContext.Current.CancellationToken);
            }
        }

        public void Answer(string key)
        {
            lock (_lock) _calls[key].SetResult(new IngestResult(BatchOutcome.Applied, 0, 0, 0, []));
        }

        private int Calls()
        {
            lock (_lock) return _calls.Count;
        }
    }

    /// <summary>The gateway's grain factory, of which the service uses only the ingest grain.</summary>
    private static IGrainFactory GrainFactoryOf(IIngestGrain grain)
    {
        var factory = DispatchProxy.Create<IGrainFactory, IngestGrainOnlyFactory>();
        ((IngestGrainOnlyFactory)(object)factory).Grain = grain;
        return factory;
    }

    public class IngestGrainOnlyFactory : DispatchProxy
    {
        public IIngestGrain? Grain { get; set; }

        protected override object? Invoke(MethodInfo? method, object?[]? args) =>
            method is { Name: nameof(IGrainFactory.GetGrain), ReturnType: var type } && type == typeof(IIngestGrain)
                ? Grain
                : throw new NotSupportedException($"The ingest service asked the grain factory for {method}.");
    }

    private sealed class ChannelReader(ChannelReader<V1.IngestRequest> requests) : IAsyncStreamReader<V1.IngestRequest>
    {
        public V1.IngestRequest Current { get; private set; } = null!;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await requests.WaitToReadAsync(cancellationToken)) return false;
            Current = await requests.ReadAsync(cancellationToken);
            return true;
        }
    }

    private sealed class RecordingWriter : IServerStreamWriter<V1.IngestResponse>
    {
        private readonly List<V1.IngestResponse> _written = [];

        public WriteOptions? WriteOptions { get; set; }

        public IReadOnlyList<V1.IngestResponse> Written
        {
            get
            {
                lock (_written) return [.. _written];
            }
        }

        public Task WriteAsync(V1.IngestResponse message)
        {
            lock (_written) _written.Add(message);
            return Task.CompletedTask;
        }
    }

    /// <summary>A call whose validated token names <paramref name="tenant"/>, as the authentication middleware leaves it.</summary>
    private sealed class TenantCallContext(string tenant) : ServerCallContext
    {
        private readonly Dictionary<object, object> _userState = new()
        {
            ["__HttpContext"] = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, tenant)], "test")) },
        };

        protected override string MethodCore => "/campaigngrains.v1.IngestService/IngestStream";
        protected override string HostCore => "localhost";
        protected override string PeerCore => "ipv4:127.0.0.1:1";
        protected override DateTime DeadlineCore => DateTime.MaxValue;
        protected override Metadata RequestHeadersCore { get; } = [];
        protected override CancellationToken CancellationTokenCore => TestContext.Current.CancellationToken;
        protected override Metadata ResponseTrailersCore { get; } = [];
        protected override Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore => new(null, []);
        protected override IDictionary<object, object> UserStateCore => _userState;

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
