namespace PartitionCompiler.Partitioning.Solver;

/// <summary>
/// A directed link between two devices (indices into <see cref="PartitionProblem.Devices"/>). Sending b bytes over it
/// takes <c>LatencySeconds + b / BytesPerSecond</c> seconds and <c>PowerWatts</c> times that many joules.
/// </summary>
public sealed record ProblemLink(int From, int To, double BytesPerSecond, double LatencySeconds, double PowerWatts)
{
    public double Seconds(long bytes) => LatencySeconds + (bytes / BytesPerSecond);
}
