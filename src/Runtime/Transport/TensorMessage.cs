using PartitionCompiler.Runtime.Tensors;

namespace PartitionCompiler.Runtime.Transport;

/// <summary>
/// One message on a link: an ordered list of uniquely named tensors plus a small header (the plan's from-stage and
/// to-stage, and a sequence number). Two messages are equal when header and tensors are equal, in order.
/// </summary>
public sealed class TensorMessage : IEquatable<TensorMessage>
{
    /// <summary>The stage number meaning "no stage": the graph input as a source, or the graph output as a target.</summary>
    public const int NoStage = -1;

    private readonly NamedTensor[] _tensors;

    /// <summary>Creates a message.</summary>
    /// <param name="fromStage">The sending stage's plan index, or <see cref="NoStage"/> for the graph input.</param>
    /// <param name="toStage">The receiving stage's plan index, or <see cref="NoStage"/> for the graph output.</param>
    /// <param name="sequence">A non-negative sequence number (the runner numbers runs 0, 1, 2...).</param>
    /// <param name="tensors">The tensors, with unique names.</param>
    /// <exception cref="ArgumentException">A stage is below <see cref="NoStage"/>, the sequence is negative,
    /// a tensor is null, or two tensors share a name.</exception>
    public TensorMessage(int fromStage, int toStage, long sequence, IEnumerable<NamedTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentOutOfRangeException.ThrowIfLessThan(fromStage, NoStage);
        ArgumentOutOfRangeException.ThrowIfLessThan(toStage, NoStage);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        _tensors = [.. tensors];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (NamedTensor tensor in _tensors)
        {
            if (tensor is null)
            {
                throw new ArgumentException("A tensor in the message is null.", nameof(tensors));
            }

            if (!names.Add(tensor.Name))
            {
                throw new ArgumentException($"Two tensors in one message are named '{tensor.Name}'.", nameof(tensors));
            }
        }

        FromStage = fromStage;
        ToStage = toStage;
        Sequence = sequence;
    }

    /// <summary>The sending stage's plan index, or <see cref="NoStage"/>.</summary>
    public int FromStage { get; }

    /// <summary>The receiving stage's plan index, or <see cref="NoStage"/>.</summary>
    public int ToStage { get; }

    /// <summary>The sequence number.</summary>
    public long Sequence { get; }

    /// <summary>The tensors, in order.</summary>
    public IReadOnlyList<NamedTensor> Tensors => _tensors;

    /// <summary>The sum of the tensors' payload bytes (what a throttled link charges for).</summary>
    public long PayloadBytes => _tensors.Sum(t => (long)t.ByteLength);

    /// <summary>The tensor with the given name.</summary>
    /// <param name="name">The tensor's name.</param>
    /// <exception cref="KeyNotFoundException">The message has no tensor of that name.</exception>
    public NamedTensor this[string name] => TryGetTensor(name, out NamedTensor? tensor)
        ? tensor
        : throw new KeyNotFoundException(
            $"Message {Sequence} from stage {FromStage} to stage {ToStage} has no tensor '{name}'; it has: {string.Join(", ", _tensors.Select(t => t.Name))}.");

    /// <summary>Looks a tensor up by name.</summary>
    /// <param name="name">The tensor's name.</param>
    /// <param name="tensor">The tensor when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetTensor(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NamedTensor? tensor)
    {
        tensor = Array.Find(_tensors, t => string.Equals(t.Name, name, StringComparison.Ordinal));
        return tensor is not null;
    }

    /// <inheritdoc />
    public bool Equals(TensorMessage? other) =>
        other is not null
        && FromStage == other.FromStage
        && ToStage == other.ToStage
        && Sequence == other.Sequence
        && _tensors.AsSpan().SequenceEqual(other._tensors);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TensorMessage);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FromStage, ToStage, Sequence, _tensors.Length);

    /// <summary>A short description of the header and the tensors.</summary>
    /// <returns>For example <c>#3 0->1 [a: float32[1, 4]]</c>.</returns>
    public override string ToString() =>
        $"#{Sequence} {FromStage}->{ToStage} [{string.Join("; ", _tensors.Select(t => t.ToString()))}]";
}
