using System.Buffers.Text;
using System.Text;
using CampaignGrains.Api.Errors;

namespace CampaignGrains.Api.Services;

/// <summary>
/// ListCampaigns page tokens: the last campaign id of a page, base64url-encoded. A token only ever
/// selects a position within the caller's own tenant, so a forged one reveals nothing.
/// </summary>
internal static class PageTokens
{
    public static string After(string campaignId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(campaignId));

    /// <summary>The campaign id a token continues after; null for the first page.</summary>
    public static string? Read(string token)
    {
        if (token.Length == 0) return null;
        string? campaignId = null;
        try
        {
            campaignId = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
        }
        if (!CampaignKey.IsValidId(campaignId)) GrpcErrors.ThrowInvalidArgument("page_token", "is not a token from a previous ListCampaigns response");
        return campaignId;
    }
}
