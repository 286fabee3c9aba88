using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CampaignGrains.Grains.Ingest;
using Microsoft.Extensions.Options;

namespace CampaignGrains.Grains.Tests.Ingest;

/// <summary>
/// Unique counts stored by earlier builds are sketches of these hashes: a hasher that keeps its HMAC per thread
/// must give every profile id the same hash as HMAC-SHA256 computed afresh, on any thread, in any order.
/// </summary>
public sealed class ProfileHasherTests
{
    private static readonly byte[] Key = "profile-hasher-test-key-32-bytes"u8.ToArray();

    [Fact]
    public async Task Every_thread_hashes_a_profile_id_to_the_first_8_bytes_of_its_HMAC_SHA256()
    {
        using var hasher = new ProfileHasher(Options.Create(new IngestOptions { ProfileHashKey = Convert.ToBase64String(Key) }));
        // Short and long ids, non-ASCII ones, up to the 256 characters validation allows.
        var ids = Enumerable.Range(0, 2_000).Select(i => i % 7 == 0 ? $"pröfile-{i}-".PadRight(i % 257, 'é') : $"profile-{i}").ToArray();

        // Eight threads at once, half of them in reverse order, so each thread's HMAC is reset between different ids.
        var hashed = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var order = worker % 2 == 0 ? ids : [.. ids.Reverse()];
            var hashes = order.Select(hasher.Hash).ToArray();
            return worker % 2 == 0 ? hashes : [.. hashes.Reverse()];
        })));

        var expected = ids.Select(id => BinaryPrimitives.ReadUInt64LittleEndian(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(id)))).ToArray();
        Assert.All(hashed, hashes => Assert.Equal(expected, hashes));
    }
}
