using CampaignGrains.Api.Security;
using CampaignGrains.Api.Tests.Fixtures;
using CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Tests.Security;

/// <summary>Every token that must not pass is refused before any grain is touched.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AuthenticationTests(GatewayFixture fixture)
{
    private static readonly string[] ReadWrite = DevelopmentTokens.DefaultScopes;

    public static TheoryData<string> BadTokens => ["missing", "expired", "not yet valid", "wrong audience", "wrong issuer", "wrong signature", "garbage"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_token_is_unauthenticated_and_writes_nothing(string kind)
    {
        var campaign = Calls.NewCampaignId();
        var options = Calls.WithToken(BadToken(kind));

        var ingest = await Assert.ThrowsAsync<RpcException>(() => fixture.Silo.Ingest.IngestAsync(
            Calls.Batch(Calls.Email(campaign, EventKind.Sent, fixture.StatisticsTime.GetUtcNow())), options).ResponseAsync);
        var read = await Assert.ThrowsAsync<RpcException>(() => fixture.Silo.Reports.GetEmailTabAsync(
            new TabRequest { CampaignId = campaign, Window = Window.AllTime }, options).ResponseAsync);

        Assert.Equal((StatusCode.Unauthenticated, StatusCode.Unauthenticated), (ingest.StatusCode, read.StatusCode));
        var after = await Assert.ThrowsAsync<RpcException>(() => fixture.Silo.Reports.GetCampaignTabAsync(
            new TabRequest { CampaignId = campaign, Window = Window.AllTime }, Calls.As()).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Reading_without_the_reports_scope_is_permission_denied()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Silo.Reports.GetEmailTabAsync(
            new TabRequest { CampaignId = "any", Window = Window.AllTime }, Calls.As(scopes: Scopes.EventsWrite)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Ingesting_without_the_events_scope_is_permission_denied_and_writes_nothing()
    {
        var campaign = Calls.NewCampaignId();

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Silo.Ingest.IngestAsync(
            Calls.Batch(Calls.Email(campaign, EventKind.Sent, fixture.StatisticsTime.GetUtcNow())), Calls.As(scopes: Scopes.ReportsRead)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => fixture.Silo.Reports.GetCampaignTabAsync(
            new TabRequest { CampaignId = campaign, Window = Window.AllTime }, Calls.As()).ResponseAsync)).StatusCode);
    }

    [Fact]
    public async Task Admin_surfaces_refuse_tokens_without_the_admin_scope()
    {
        using var call = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(fixture.Silo.Channel).ServerReflectionInfo(Calls.As());

        try
        {
            await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
        }
        catch (RpcException)
        {
            // The server may refuse the call before it reads the request; the call's status says why.
        }
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    private static string? BadToken(string kind)
    {
        var now = DateTimeOffset.UtcNow;
        return kind switch
        {
            "missing" => null,
            "expired" => Calls.Token(Calls.Tenant, ReadWrite, TimeSpan.FromMinutes(5), now.AddHours(-1)),
            "not yet valid" => Calls.Token(Calls.Tenant, ReadWrite, TimeSpan.FromMinutes(5), now.AddHours(1)),
            "wrong audience" => Calls.Token(Calls.Tenant, ReadWrite, audience: "someone-else"),
            "wrong issuer" => Calls.Token(Calls.Tenant, ReadWrite, issuer: "https://evil.example"),
            "wrong signature" => Calls.Token(Calls.Tenant, ReadWrite, key: Convert.ToBase64String("an-attacker-chosen-key-of-32-bytes!"u8)),
            _ => "not.a.token",
        };
    }
}
