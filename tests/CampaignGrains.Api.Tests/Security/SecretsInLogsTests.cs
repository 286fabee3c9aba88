using CampaignGrains.Api.Tests.Fixtures;
using CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Tests.Security;

[Collection(GatewayCollection.Name)]
public sealed class SecretsInLogsTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Logs_never_contain_tokens_or_profile_ids()
    {
        var campaign = Calls.NewCampaignId();
        var profile = $"profile-secret-{Guid.NewGuid():N}";
        var good = Calls.As();
        var expired = Calls.Token(Calls.Tenant, ["events:write"], TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow.AddHours(-1));
        var sent = Calls.Email(campaign, EventKind.Sent, fixture.StatisticsTime.GetUtcNow());
        sent.ProfileId = profile;
        var rejected = Calls.Email(campaign, EventKind.Opened, fixture.StatisticsTime.GetUtcNow());
        rejected.ProfileId = profile;
        rejected.BounceType = BounceType.Hard;

        await fixture.Silo.Ingest.IngestAsync(Calls.Batch(sent, rejected), good);
        await Assert.ThrowsAsync<RpcException>(() => fixture.Silo.Ingest.IngestAsync(Calls.Batch(sent), Calls.WithToken(expired)).ResponseAsync);

        var token = good.Headers!.GetValue("authorization")!["Bearer ".Length..];
        Assert.NotEmpty(fixture.Logs.Lines);
        Assert.DoesNotContain(fixture.Logs.Lines, line => line.Contains(profile) || line.Contains(token) || line.Contains(expired));
    }
}
