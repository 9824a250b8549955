using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Graph;

/// <summary>A tensor shape of known rank; dims may be symbolic. A scalar has rank 0.</summary>
public sealed record TensorShape(EquatableArray<Dim> Dims)
{
    public static TensorShape Scalar { get; } = new(EquatableArray<Dim>.Empty);

    public static TensorShape Of(params long[] dims) => new(dims.Select(d => new Dim(d)).ToEquatableArray());

    public int Rank => Dims.Count;

    public Dim this[int index] => Dims[index];

    public bool IsFullyKnown => Dims.All(d => d.IsKnown);

    /// <summary>The number of elements, or null when a dim is symbolic.</summary>
    public long? ElementCount
    {
        get
        {
            long count = 1;
            foreach (var dim in Dims)
            {
                if (dim.Value is not long value)
                {
                    return null;
                }

                count = checked(count * value);
            }

            return count;
        }
    }

    /// <summary>The known dims as numbers; throws if any is symbolic (check <see cref="IsFullyKnown"/> first).</summary>
    public long[] ToArray() => Dims.Select(d => d.Value ?? throw new InvalidOperationException("The shape has a symbolic dim.")).ToArray();

    public override string ToString() => "[" + string.Join(",", Dims) + "]";
}
