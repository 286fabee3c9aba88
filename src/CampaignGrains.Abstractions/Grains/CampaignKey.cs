using System.Buffers;

namespace CampaignGrains.Abstractions;

/// <summary>
/// The grain key of a tenant's campaign, "tenant/campaign". Ids are restricted to a safe character
/// set so a key always splits back into the same pair and no tenant can name another's grain.
/// </summary>
public static class CampaignKey
{
    public const int MaxIdLength = 128;

    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    /// <summary>Letters, digits and <c>- _ . :</c>, 1 to 128 characters.</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && !id.AsSpan().ContainsAnyExcept(IdCharacters);

    public static string Of(string tenantId, string campaignId)
    {
        if (!IsValidId(tenantId)) throw new ArgumentException($"Invalid tenant id '{tenantId}'.", nameof(tenantId));
        if (!IsValidId(campaignId)) throw new ArgumentException($"Invalid campaign id '{campaignId}'.", nameof(campaignId));
        return $"{tenantId}/{campaignId}";
    }

    /// <summary>The tenant and campaign of a key made by <see cref="Of"/>.</summary>
    public static (string TenantId, string CampaignId) Split(string key)
    {
        var separator = key.IndexOf('/');
        return (key[..separator], key[(separator + 1)..]);
    }
}
