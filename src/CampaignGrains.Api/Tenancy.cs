namespace CampaignGrains.Api;

/// <summary>The tenant a call acts for: only ever the validated token's tenant claim, never the request.</summary>
internal static class Tenancy
{
    public static string Of(ServerCallContext context)
    {
        var tenant = context.GetHttpContext().User.Identity?.Name;
        if (!CampaignKey.IsValidId(tenant))
            throw new RpcException(new Status(StatusCode.PermissionDenied, "The token's tenant claim is not a valid tenant id."));
        return tenant!;
    }
}
