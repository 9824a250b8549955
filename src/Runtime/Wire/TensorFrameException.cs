namespace PartitionCompiler.Runtime.Wire;

/// <summary>
/// A tensor frame is malformed (truncated, wrong magic or version, checksum mismatch, a length or dimension out of
/// bounds, trailing bytes), or a message is too large to encode within the frame limits.
/// </summary>
public sealed class TensorFrameException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, with the offending offset or value.</param>
    public TensorFrameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public TensorFrameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
