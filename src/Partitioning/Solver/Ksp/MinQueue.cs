namespace PartitionCompiler.Partitioning.Solver.Ksp;

/// <summary>
/// A binary min-heap of (cost, item) pairs in one growable array; equal costs pop in ascending item order, so the
/// order is deterministic. A mutable struct: keep it in a non-readonly field.
/// </summary>
internal struct MinQueue
{
    private GrowableArray<Entry> _heap;

    public MinQueue(int capacity) => _heap = new GrowableArray<Entry>(capacity);

    public readonly int Count => _heap.Count;

    public void Push(double cost, int item)
    {
        var entry = new Entry(cost, item);
        _heap.Add(entry);
        int i = _heap.Count - 1;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Less(entry, _heap[parent]))
            {
                break;
            }

            _heap[i] = _heap[parent];
            i = parent;
        }

        _heap[i] = entry;
    }

    public int Pop()
    {
        int top = _heap[0].Item;
        var last = _heap[_heap.Count - 1];
        _heap.Count--;
        int n = _heap.Count;
        if (n > 0)
        {
            int i = 0;
            while (true)
            {
                int child = (2 * i) + 1;
                if (child >= n)
                {
                    break;
                }

                if (child + 1 < n && Less(_heap[child + 1], _heap[child]))
                {
                    child++;
                }

                if (!Less(_heap[child], last))
                {
                    break;
                }

                _heap[i] = _heap[child];
                i = child;
            }

            _heap[i] = last;
        }

        return top;
    }

    private static bool Less(Entry a, Entry b) => a.Cost < b.Cost || (a.Cost == b.Cost && a.Item < b.Item);

    private readonly record struct Entry(double Cost, int Item);
}
