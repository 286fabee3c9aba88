using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CampaignGrains.Benchmarks.Stack;

/// <summary>
/// The transport limit: a minimal ASP.NET Core gRPC server in this process, on the same Kestrel h2c
/// setup as the gateway, that parses the same requests and answers without doing any work.
/// </summary>
internal sealed class NoOpSink : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NoOpSink(WebApplication app, int port, NoOpResponses responses)
    {
        _app = app;
        Responses = responses;
        Channel = Channels.Open(port);
    }

    public GrpcChannel Channel { get; }

    public NoOpResponses Responses { get; }

    public static async Task<NoOpSink> StartAsync(CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var responses = new NoOpResponses();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.Http2.MaxStreamsPerConnection = 100;
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = 16 * 1024 * 1024);
        builder.Services.AddSingleton(responses);
        var app = builder.Build();
        app.MapGrpcService<NoOpServices>();
        await app.StartAsync(cancellationToken);
        return new NoOpSink(app, port, responses);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
