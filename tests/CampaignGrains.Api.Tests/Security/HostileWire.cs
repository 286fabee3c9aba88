using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Google.Rpc;
using Grpc.Net.Client;

namespace CampaignGrains.Api.Tests.Security;

/// <summary>
/// What a hostile caller puts on the wire: raw bytes as a message (past the generated client's
/// serializer), and raw HTTP/2 requests with hand-made gRPC frames (past grpc-dotnet's framing).
/// Every answer is turned into one label: "OK …", a canonical status name, or "INVALID_ARGUMENT(field)".
/// </summary>
internal sealed class HostileWire : IDisposable
{
    public const string IngestPath = "/campaigngrains.v1.IngestService/Ingest";
    public const string EmailTabPath = "/campaigngrains.v1.ReportService/GetEmailTab";

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    /// <summary>Separates a label from the status detail (grpc-message) that came with it.</summary>
    public const string DetailSeparator = " \u00A6 ";

    private readonly GrpcChannel _channel;
    private readonly HttpClient _http;
    private readonly int _port;
    private readonly string _token;

    public HostileWire(GrpcChannel channel, int grpcPort, string token)
    {
        (_channel, _port, _token) = (channel, grpcPort, token);
        _http = new HttpClient(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public static Method<byte[], byte[]> RawMethod(string path)
    {
        var slash = path.LastIndexOf('/');
        return new Method<byte[], byte[]>(MethodType.Unary, path[1..slash], path[(slash + 1)..], Bytes, Bytes);
    }

    /// <summary>Sends <paramref name="message"/> as the (well framed) message of a unary call; the label of the answer.</summary>
    public async Task<string> SendMessageAsync(string path, byte[] message, CallOptions options)
    {
        try
        {
            await InvokeAsync(path, message, options);
            return "OK";
        }
        catch (RpcException error)
        {
            return Label(error);
        }
    }

    /// <summary>Sends <paramref name="message"/> as the message of a unary call; the bytes of the response message.</summary>
    public async Task<byte[]> InvokeAsync(string path, byte[] message, CallOptions options) =>
        await _channel.CreateCallInvoker().AsyncUnaryCall(RawMethod(path), null, options, message);

    /// <summary>
    /// POSTs <paramref name="body"/> as the whole request body of a gRPC call over h2c, framing left to
    /// the caller; the grpc-status of the answer (trailers, or headers of a trailers-only answer).
    /// </summary>
    public async Task<string> PostAsync(string path, HttpContent body, string contentType = "application/grpc",
        string? timeout = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{_port}{path}")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = body,
        };
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (timeout is not null) request.Headers.Add("grpc-timeout", timeout);

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var trailersOnly = Header(response.Headers, "grpc-status");
        byte[] payload = [];
        try
        {
            payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException) when (trailersOnly is not null)
        {
            // The server answered with a status alone, then reset the stream whose body it will not read.
        }
        var status = trailersOnly ?? Header(response.TrailingHeaders, "grpc-status");
        if (status is null) return $"HTTP {(int)response.StatusCode} without grpc-status";
        var code = (StatusCode)int.Parse(status);
        if (code == StatusCode.OK) return payload.Length > 0 ? "OK" : "OK without a message";
        var prefix = response.StatusCode == HttpStatusCode.OK ? "" : $"HTTP {(int)response.StatusCode} ";
        var message = Header(response.TrailingHeaders, "grpc-message") ?? Header(response.Headers, "grpc-message");
        return prefix + Name(code) + DetailSeparator + Uri.UnescapeDataString(message ?? "");
    }

    public Task<string> PostAsync(string path, byte[] body, string contentType = "application/grpc", string? timeout = null) =>
        PostAsync(path, new ByteArrayContent(body), contentType, timeout);

    /// <summary>A gRPC length-prefixed frame: flag, 4-byte big-endian length (as declared), then the bytes.</summary>
    public static byte[] Frame(byte[] message, byte flag = 0, uint? declaredLength = null)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }

    public static string Label(RpcException error)
    {
        var badRequest = error.StatusCode == StatusCode.InvalidArgument ? error.GetRpcStatus()?.GetDetail<BadRequest>() : null;
        var label = error.StatusCode != StatusCode.InvalidArgument ? Name(error.StatusCode)
            : badRequest is null || badRequest.FieldViolations.Count == 0 ? "INVALID_ARGUMENT without BadRequest"
            : $"INVALID_ARGUMENT({string.Join(",", badRequest.FieldViolations.Select(v => v.Field))})";
        return label + DetailSeparator + error.Status.Detail;
    }

    /// <summary>The canonical name of a code, as in the gRPC spec: DeadlineExceeded is DEADLINE_EXCEEDED.</summary>
    public static string Name(StatusCode code)
    {
        if (code == StatusCode.OK) return "OK";
        var text = code.ToString();
        var name = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsUpper(text[i])) name.Append('_');
            name.Append(char.ToUpperInvariant(text[i]));
        }
        return name.ToString();
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    public void Dispose() => _http.Dispose();

    /// <summary>A body that sends its first bytes, then neither more nor its end until the call is given up.</summary>
    public sealed class StalledContent(byte[] start) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(start, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The server answered (and ended the stream) before the body did: that answer is what is wanted.
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
