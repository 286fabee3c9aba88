using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CampaignGrains.Grains.Ingest;

/// <summary>
/// Turns a profile id into the 64-bit keyed hash that unique counts are built from. Keyed (HMAC-SHA256)
/// so that sketches cannot be probed for a known profile without the deployment's secret.
/// </summary>
public sealed class ProfileHasher
{
    private readonly byte[] _key;

    public ProfileHasher(IOptions<IngestOptions> options)
    {
        var configured = options.Value.ProfileHashKey;
        try
        {
            _key = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{IngestOptions.Section}:{nameof(IngestOptions.ProfileHashKey)} is not base64.");
        }
        if (_key.Length < 16)
            throw new InvalidOperationException($"{IngestOptions.Section}:{nameof(IngestOptions.ProfileHashKey)} must be at least 16 bytes (base64); it is {_key.Length}.");
    }

    public ulong Hash(string profileId)
    {
        Span<byte> digest = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(profileId), digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }
}
