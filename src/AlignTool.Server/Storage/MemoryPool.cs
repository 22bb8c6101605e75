using System.Collections.Concurrent;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Memory.Storage;

namespace AlignTool.Server.Storage;

/// <summary>
/// The memory shared by concurrent requests. A memory handle is not thread-safe (SQLite's is one connection, and
/// <see cref="MemoryLookup"/> keeps a cache), so each request borrows a handle of its own, opened by the backend's
/// <c>open</c> the first time one is needed, and gives it back after; at most <c>maxHandles</c> are open, and a request
/// beyond them waits. Handles read concurrently (SQLite in WAL mode); writes are serialized by the backend's own lock.
/// Works on any <see cref="ITranslationMemory"/>, so a new backend needs no change here.
/// </summary>
public sealed class MemoryPool : IDisposable
{
    private readonly Func<ITranslationMemory> _open;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<MemoryHandle> _idle = [];
    private readonly ConcurrentBag<MemoryHandle> _all = [];
    private int _disposed;

    /// <param name="open">Opens one more handle on the memory.</param>
    /// <param name="first">A handle already open (the one the host opened to check the memory), or null.</param>
    public MemoryPool(Func<ITranslationMemory> open, int maxHandles, ITranslationMemory? first = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHandles, 1);
        _open = open;
        _slots = new SemaphoreSlim(maxHandles, maxHandles);
        if (first is not null) Keep(new MemoryHandle(first));
    }

    /// <summary>Handles opened so far.</summary>
    public int Opened => _all.Count;

    /// <summary>Runs <paramref name="body"/> with a handle no other request holds meanwhile.</summary>
    public async Task<T> Use<T>(Func<MemoryHandle, T> body, CancellationToken cancel = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await _slots.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            if (!_idle.TryTake(out var handle)) handle = Keep(new MemoryHandle(_open()));
            try
            {
                return body(handle);
            }
            finally
            {
                _idle.Add(handle);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private MemoryHandle Keep(MemoryHandle handle)
    {
        _all.Add(handle);
        return handle;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (var h in _all) h.Memory.Dispose();
        _slots.Dispose();
    }
}
