namespace CampaignGrains.Grains.Storage;

/// <summary>
/// Keeps one storage write in flight per grain and folds every change made meanwhile into the next
/// write (group commit), as the ShoppingCart sample's state manager does. After a failed write the
/// in-memory state is ahead of storage, so the commit stays faulted and the grain must reload.
/// </summary>
internal sealed class GroupCommit(Func<Task> write)
{
    private TaskCompletionSource? _inFlight;
    private TaskCompletionSource? _next;
    private bool _writing;

    public Exception? Fault { get; private set; }

    /// <summary>Completes when every change made before this call is durable.</summary>
    public Task WhenDurableAsync(bool changed)
    {
        if (Fault is { } fault) return Task.FromException(fault);
        if (!changed) return _next?.Task ?? _inFlight?.Task ?? Task.CompletedTask;
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
                Fault = exception;
                batch.SetException(exception);
                _next?.SetException(exception);
                _next = null;
            }
            _inFlight = null;
        }
        _writing = false;
    }
}
