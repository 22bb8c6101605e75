namespace AlignTool.Core.Memory;

/// <summary>How a stream of units is prepared in parallel.</summary>
public sealed record PreparationOptions
{
    public static readonly PreparationOptions Default = new();

    /// <summary>Units prepared together by one worker.</summary>
    public int BatchSize { get; init; } = 2_000;

    /// <summary>Batches in preparation at once: as many as there are cores, one more to keep them busy.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount + 1;
}

/// <summary>
/// Prepares a stream of units (normalizing, masking, gram hashing: the costly part of an ingest) on every core while
/// the consumer stores the ones already prepared. The source is read on the consumer's thread (readers such as the
/// TMX reader are not thread-safe) and the units come out in source order; at most <see cref="PreparationOptions.Workers"/>
/// batches are held, so memory stays bounded. An exception in a worker surfaces, unwrapped, to the consumer.
/// </summary>
public static class ParallelPreparation
{
    public static IEnumerable<TResult> Prepare<T, TResult>(IEnumerable<T> source, Func<TextPreparer, T, TResult> prepare, PreparationOptions? options = null)
    {
        options ??= PreparationOptions.Default;
        var preparers = new System.Collections.Concurrent.ConcurrentBag<TextPreparer>();
        var pending = new Queue<Task<TResult[]>>();
        int workers = Math.Max(1, options.Workers);

        TResult[] Batch(T[] items)
        {
            // One preparer per worker at a time: a preparer is not thread-safe.
            if (!preparers.TryTake(out var preparer)) preparer = new TextPreparer();
            try
            {
                var result = new TResult[items.Length];
                for (int i = 0; i < items.Length; i++) result[i] = prepare(preparer, items[i]);
                return result;
            }
            finally
            {
                preparers.Add(preparer);
            }
        }

        foreach (var items in source.Chunk(Math.Max(1, options.BatchSize)))
        {
            pending.Enqueue(Task.Run(() => Batch(items)));
            if (pending.Count < workers) continue;
            foreach (var unit in pending.Dequeue().GetAwaiter().GetResult()) yield return unit;
        }
        while (pending.Count > 0)
        {
            foreach (var unit in pending.Dequeue().GetAwaiter().GetResult()) yield return unit;
        }
    }
}
