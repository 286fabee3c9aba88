namespace CampaignGrains.Grains.Storage;

/// <summary>
/// Keeps one storage write in flight per grain and folds every change made meanwhile into the next
/// write (group commit), as the ShoppingCart sample's state manager does. A failed write fails the
/// callers waiting on it, and its changes stay in memory to ride on the next write, which any later
/// call starts: a retry of the same batch is acknowledged once that write lands.
/// </summary>
internal sealed class GroupCommit(Func<Task> write)
{
    private TaskCompletionSource? _inFlight;
    private TaskCompletionSource? _next;
    private bool _writing;
    private bool _unwritten;

    /// <summary>Completes when every change made before this call is durable.</summary>
    public Task WhenDurableAsync(bool changed)
    {
        if (!changed && !_unwritten) return _next?.Task ?? _inFlight?.Task ?? Task.CompletedTask;
        _unwritten = false;
        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var durable = _next.Task;
        if (!_writing) _ = WriteLoopAsync();
        return durable;
    }

    private async Task WriteLoopAsync()
    {
        _writing = true;
        while (_next is { } batch)
        {
            _next = null;
            _inFlight = batch;
            try
            {
                await write();
                batch.SetResult();
            }
            catch (Exception exception)
            {
                _unwritten = true;
                batch.SetException(exception);
                // Waiters queued behind it are failed too rather than hammering storage that just failed.
                _next?.SetException(exception);
                _next = null;
            }
            _inFlight = null;
        }
        _writing = false;
    }
}
