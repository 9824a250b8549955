namespace PartitionCompiler.Runtime.Wire;

/// <summary>
/// Bounds a decoder enforces before it trusts any length in a frame. Every length is also checked against the bytes
/// actually present, so these only cap what a well-formed frame may declare.
/// </summary>
public sealed record TensorFrameLimits
{
    /// <summary>The defaults: 256 MiB frames, 4096 tensors, 4096-byte names, rank 32.</summary>
    public static TensorFrameLimits Default { get; } = new();

    /// <summary>The largest whole frame in bytes (header, tensors and checksum); at most <see cref="Array.MaxLength"/>.</summary>
    public int MaxFrameBytes { get; init; } = 256 * 1024 * 1024;

    /// <summary>The most tensors one frame may hold.</summary>
    public int MaxTensors { get; init; } = 4096;

    /// <summary>The longest tensor name in UTF-8 bytes.</summary>
    public int MaxNameBytes { get; init; } = 4096;

    /// <summary>The highest tensor rank.</summary>
    public int MaxRank { get; init; } = 32;

    internal void Validate()
    {
        if (MaxFrameBytes < TensorFrame.MinimumFrameBytes || MaxFrameBytes > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxFrameBytes), MaxFrameBytes, $"MaxFrameBytes must lie in [{TensorFrame.MinimumFrameBytes}, {Array.MaxLength}].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MaxTensors);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNameBytes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRank);
    }
}
