using AlignTool.Core.Memory.Preparation;

namespace AlignTool.Core.Memory.Ingest;

/// <summary>
/// Prepares a stream of units (normalizing, masking, gram hashing: the costly part of an ingest) on every core while
/// the consumer stores the ones already prepared. The source is read on the consumer's thread (readers such as the
/// TMX reader are not thread-safe) and the units come out in source order; at most <see cref="PreparationOptions.Ahead"/>
/// batches are held, so memory stays bounded, and at most <see cref="PreparationOptions.Workers"/> workers prepare
/// them. A consumer that finds the next batch not ready prepares one itself instead of waiting: the next one if no
/// worker has taken it, else the first one further on that none has. An exception in a worker surfaces, unwrapped, to
/// the consumer.
/// </summary>
public static class ParallelPreparation
{
    public static IEnumerable<TResult> Prepare<T, TResult>(IEnumerable<T> source, Func<TextPreparer, T, TResult> prepare, PreparationOptions? options = null)
    {
        options ??= PreparationOptions.Default;
        var preparers = new System.Collections.Concurrent.ConcurrentBag<TextPreparer>();
        var pending = new List<Batch<T, TResult>>();
        int ahead = Math.Max(1, options.Ahead);
        // Not disposed: a worker still queued when the consumer stops early releases it afterwards.
        var slots = new SemaphoreSlim(Math.Max(1, options.Workers));

        foreach (var items in source.Chunk(Math.Max(1, options.BatchSize)))
        {
            var batch = new Batch<T, TResult>(items);
            pending.Add(batch);
            _ = Task.Run(async () =>
            {
                await slots.WaitAsync().ConfigureAwait(false);
                try
                {
                    if (batch.TryClaim()) batch.Prepare(prepare, preparers);
                }
                finally
                {
                    slots.Release();
                }
            });
            if (pending.Count < ahead) continue;
            foreach (var unit in Next(pending, prepare, preparers)) yield return unit;
        }
        while (pending.Count > 0)
        {
            foreach (var unit in Next(pending, prepare, preparers)) yield return unit;
        }
    }

    /// <summary>The first pending batch, prepared. While it is not ready the consumer prepares a batch itself (the first
    /// one no worker has taken) instead of waiting: its core would be idle.</summary>
    private static TResult[] Next<T, TResult>(List<Batch<T, TResult>> pending, Func<TextPreparer, T, TResult> prepare,
        System.Collections.Concurrent.ConcurrentBag<TextPreparer> preparers)
    {
        var head = pending[0];
        if (!head.Done.Task.IsCompleted)
        {
            foreach (var batch in pending)
            {
                if (!batch.TryClaim()) continue;
                batch.Prepare(prepare, preparers);
                break;
            }
        }
        pending.RemoveAt(0);
        return head.Done.Task.GetAwaiter().GetResult();
    }

    /// <summary>Source items prepared together, by whichever thread claims them first (a worker or the consumer).</summary>
    private sealed class Batch<T, TResult>(T[] items)
    {
        private int _claimed;

        public TaskCompletionSource<TResult[]> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;

        /// <summary>Prepares the items (once claimed) with a preparer of the pool: a preparer is not thread-safe.</summary>
        public void Prepare(Func<TextPreparer, T, TResult> prepare, System.Collections.Concurrent.ConcurrentBag<TextPreparer> preparers)
        {
            if (!preparers.TryTake(out var preparer)) preparer = new TextPreparer();
            try
            {
                var result = new TResult[items.Length];
                for (int i = 0; i < items.Length; i++) result[i] = prepare(preparer, items[i]);
                Done.SetResult(result);
            }
            catch (Exception e)
            {
                Done.SetException(e);
            }
            finally
            {
                preparers.Add(preparer);
            }
        }
    }
}
