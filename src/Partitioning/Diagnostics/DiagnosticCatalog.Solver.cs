namespace PartitionCompiler.Partitioning.Diagnostics;

// PC03xx: the partition solvers. PC0300-PC0319 K shortest paths, PC0320-PC0329 the choice of strategy. Keep codes in order; never reuse a retired code.
public static partial class DiagnosticCatalog
{
    /// <summary>PC0300: <c>the sink device '{0}' cannot be reached from the source device '{1}'...</c></summary>
    public static readonly DiagnosticDescriptor SinkUnreachable = new(
        "PC0300", DiagnosticSeverity.Error, "Sink unreachable",
        "the sink device '{0}' cannot be reached from the source device '{1}' over the declared links; add a link (or a chain of links) from '{1}' to '{0}', or change \"sink\"");

    /// <summary>PC0301: <c>node '{0}' (position {1}) needs {2} bytes on its own...</c></summary>
    public static readonly DiagnosticDescriptor NodeFitsNoDevice = new(
        "PC0301", DiagnosticSeverity.Error, "Node fits on no device",
        "node '{0}' (position {1}) needs {2} bytes on its own (parameters plus peak activations), but no device a plan can bring it to has that much: the closest, '{3}', has {4} bytes ({5} too few); give a device more memory or add a bigger device with links to it");

    /// <summary>PC0302: <c>no partition fits the devices' memory...</c></summary>
    public static readonly DiagnosticDescriptor NoPlanFitsMemory = new(
        "PC0302", DiagnosticSeverity.Error, "No plan fits in memory",
        "no partition fits the devices' memory ({0} plans examined): the closest, '{1}', needs {2} bytes on device '{3}', which has {4} ({5} bytes too many); raise that device's memory, add a device, or add links");

    /// <summary>PC0303: <c>the search stopped after examining {0} plans...</c></summary>
    public static readonly DiagnosticDescriptor SearchBoundReached = new(
        "PC0303", DiagnosticSeverity.Warning, "Plan search stopped early",
        "the search stopped after examining {0} plans, with only {1} of the {2} requested plans fitting the devices' memory; the plan keeps those {1}. Raise the tight devices' memory or ask for fewer alternatives");

    /// <summary>PC0304: <c>more plans than the search bound tie...</c></summary>
    public static readonly DiagnosticDescriptor TieBoundReached = new(
        "PC0304", DiagnosticSeverity.Warning, "Too many equal-cost plans",
        "the search stopped after examining {0} plans that all cost the same as plan {1}; among those tied plans, the order is the solver's, not the manifest order of devices. Give devices or links distinct costs (for the energy objective: a power for each)");

    /// <summary>PC0320: <c>strategy '{0}' ({1}) needs the fused-layer solver, which this version does not have yet...</c></summary>
    public static readonly DiagnosticDescriptor StrategyNotAvailable = new(
        "PC0320", DiagnosticSeverity.Error, "Strategy not available",
        "strategy '{0}' ({1}) needs the fused-layer tiling solver, which this version of PartitionCompiler does not have yet; use \"ksp\" (or \"auto\", which means ksp for now)");
}
