namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>
/// What the solver minimises: w_latency * latency[s] + w_energy * energy[J]. <c>"latency"</c> is (1, 0),
/// <c>"energy"</c> is (0, 1); a weighted object gives both.
/// </summary>
public sealed record ObjectiveSpec(double LatencyWeight, double EnergyWeight)
{
    public static ObjectiveSpec Latency { get; } = new(1, 0);

    public static ObjectiveSpec Energy { get; } = new(0, 1);

    /// <summary>The name the plan records: <c>latency</c>, <c>energy</c> or <c>weighted</c>.</summary>
    public string Name => (LatencyWeight, EnergyWeight) switch
    {
        (1, 0) => "latency",
        (0, 1) => "energy",
        _ => "weighted",
    };

    /// <summary>The objective value of a plan with the given latency (s) and energy (J).</summary>
    public double Evaluate(double latencySeconds, double energyJoules) =>
        LatencyWeight * latencySeconds + EnergyWeight * energyJoules;
}
