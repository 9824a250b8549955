namespace PartitionCompiler.Partitioning.Solver.Ksp;

/// <summary>
/// A minimal list of structs with a by-reference indexer and no bounds checks beyond the array's own, for the solver's
/// hot loops. A mutable struct: keep it in a non-readonly field and never copy it.
/// </summary>
internal struct GrowableArray<T>
{
    private T[] _items;

    public GrowableArray(int capacity)
    {
        _items = new T[Math.Max(capacity, 4)];
        Count = 0;
    }

    public int Count { readonly get; set; }

    public readonly ref T this[int index] => ref _items[index];

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }

    public void Clear() => Count = 0;

    /// <summary>The first <see cref="Count"/> items; valid until the next <see cref="Add"/>.</summary>
    public readonly Span<T> AsSpan() => _items.AsSpan(0, Count);
}
