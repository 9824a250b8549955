namespace PartitionCompiler.Codegen.Spec;

/// <summary>One hop of a transfer's route with the manifest link's figures.</summary>
/// <param name="From">The sending device.</param>
/// <param name="To">The receiving device.</param>
/// <param name="RateBytesPerSecond">The link's data rate in bytes per second.</param>
/// <param name="LatencySeconds">The link's latency in seconds.</param>
public sealed record HopSpec(string From, string To, double RateBytesPerSecond, double LatencySeconds);
