namespace CampaignGrains.Api;

/// <summary>The tenant a call acts for.</summary>
internal static class Tenancy
{
    /// <summary>Metadata header naming the caller's tenant, until tokens carry it.</summary>
    public const string Header = "x-tenant-id";

    public static string Of(ServerCallContext context)
    {
        var tenant = context.RequestHeaders.GetValue(Header);
        if (!CampaignKey.IsValidId(tenant))
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"The call names no valid tenant: send the {Header} header."));
        return tenant!;
    }
}
