using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace CampaignGrains.Grains.Tests.Fixtures;

/// <summary>
/// In-memory grain storage for unit tests of grain logic that counts writes per grain, can hold
/// writes back and can make the next write fail, as a real store does under load or outage.
/// </summary>
internal sealed class ControlledGrainStorage : IGrainStorage
{
    // A store keeps what was written, not the grain's object: reads and writes copy, as serialization would.
    private static readonly DeepCopier Copier = new ServiceCollection()
        .AddSerializer(serializer => serializer.AddAssembly(typeof(StatisticsClock).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<DeepCopier>();

    private readonly ConcurrentDictionary<string, (string ETag, object State)> _records = new();
    private readonly ConcurrentDictionary<string, int> _writes = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new();
    private readonly ConcurrentDictionary<string, Exception> _failures = new();
    private readonly ConcurrentDictionary<string, Exception> _failuresAfterWrite = new();

    public int WritesOf(string campaignKey, string stateName) => _writes.GetValueOrDefault(Key(stateName, campaignKey));

    /// <summary>What the store holds for a grain, as a reader after a restart would find it; null if never written.</summary>
    public T? Stored<T>(string campaignKey, string stateName) where T : class =>
        _records.TryGetValue(Key(stateName, campaignKey), out var record) ? Copier.Copy((T)record.State) : null;

    /// <summary>Writes of this campaign's grains wait until the returned source is completed.</summary>
    public TaskCompletionSource HoldWrites(string campaignKey) =>
        _holds.GetOrAdd(campaignKey, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void FailNextWrite(string campaignKey, string stateName, Exception failure) => _failures[Key(stateName, campaignKey)] = failure;

    /// <summary>The next write is stored, then reported as failed: the acknowledgement is what gets lost.</summary>
    public void FailAfterNextWrite(string campaignKey, string stateName, Exception failure) => _failuresAfterWrite[Key(stateName, campaignKey)] = failure;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_records.TryGetValue(Key(stateName, grainId.Key.ToString()!), out var record))
        {
            grainState.State = Copier.Copy((T)record.State);
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var campaignKey = grainId.Key.ToString()!;
        var key = Key(stateName, campaignKey);
        _writes.AddOrUpdate(key, 1, (_, count) => count + 1);
        if (_holds.TryGetValue(campaignKey, out var hold)) await hold.Task;
        if (_failures.TryRemove(key, out var failure)) throw failure;

        var current = _records.TryGetValue(key, out var record) ? record.ETag : null;
        if (current != grainState.ETag) throw new InconsistentStateException($"ETag mismatch for {key}", current, grainState.ETag);
        var etag = Guid.NewGuid().ToString("N");
        _records[key] = (etag, Copier.Copy(grainState.State)!);
        // The answer is lost: the writer never learns the record's new ETag.
        if (_failuresAfterWrite.TryRemove(key, out var lost)) throw lost;
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _records.TryRemove(Key(stateName, grainId.Key.ToString()!), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, string campaignKey) => $"{stateName}|{campaignKey}";
}
