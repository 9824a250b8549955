using System.Globalization;
using PartitionCompiler.Codegen.Naming;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>
/// What must hold of a plan before code is generated from it: the solver's plans always pass, a hand-edited plan file
/// may not. Each failure is one PC0462 or PC0463 diagnostic; untrusted names in messages are shown escaped.
/// </summary>
internal static class PlanChecks
{
    /// <summary>Reports every problem of <paramref name="plan"/> against itself and <paramref name="manifest"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="manifest">The manifest the plan was solved for.</param>
    /// <param name="location">The plan file, for the diagnostics.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static void Run(PartitionPlan plan, DeviceManifest manifest, SourceLocation? location, DiagnosticBag diagnostics)
    {
        void Fail(string problem) => diagnostics.Add(DiagnosticCatalog.InconsistentPlanForCodegen, location, problem);

        var stages = new Dictionary<int, PlanStage>();
        foreach (PlanStage stage in plan.Stages)
        {
            if (!stages.TryAdd(stage.Index, stage))
            {
                Fail(Invariant($"two stages have index {stage.Index}"));
                continue;
            }

            if (manifest.DeviceIndex(stage.Device) < 0)
            {
                Fail(Invariant($"stage {stage.Index} runs on device '{Show(stage.Device)}', which the manifest does not declare"));
            }

            CheckTensors(stage, "input", stage.Inputs, location, diagnostics);
            CheckTensors(stage, "output", stage.Outputs, location, diagnostics);
        }

        foreach (PlanStage stage in plan.Stages)
        {
            foreach (PlanTensor input in stage.Inputs)
            {
                if (input.FromStage is int from && (!stages.ContainsKey(from) || from >= stage.Index))
                {
                    Fail(Invariant($"stage {stage.Index} input '{Show(input.Name)}' comes from stage {from}, which is missing or does not run earlier"));
                }
            }
        }

        var seen = new HashSet<(int, int)>();
        foreach (PlanTransfer transfer in plan.Transfers)
        {
            // Graph inputs arriving from the source device and graph outputs going to the sink are the app's to move.
            if (transfer.FromStage is not int fromIndex || transfer.ToStage is not int toIndex)
            {
                continue;
            }

            string name = Invariant($"transfer {fromIndex}->{toIndex}");
            if (!stages.TryGetValue(fromIndex, out PlanStage? from) || !stages.TryGetValue(toIndex, out PlanStage? to))
            {
                Fail($"{name} names a stage the plan does not have");
                continue;
            }

            if (fromIndex >= toIndex)
            {
                Fail($"{name} does not go to a later stage");
            }

            if (!seen.Add((fromIndex, toIndex)))
            {
                Fail($"the plan lists {name} twice");
            }

            foreach (string tensor in TensorsOf(transfer, from))
            {
                if (!from.Outputs.Any(o => o.Name == tensor))
                {
                    Fail(Invariant($"{name} moves '{Show(tensor)}', which stage {from.Index} does not output"));
                }

                if (!to.Inputs.Any(i => i.Name == tensor))
                {
                    Fail(Invariant($"{name} moves '{Show(tensor)}', which stage {to.Index} does not take as input"));
                }
            }

            CheckRoute(transfer, name, from, to, manifest, Fail);
        }
    }

    private static void CheckTensors(
        PlanStage stage, string kind, IEnumerable<PlanTensor> tensors, SourceLocation? location, DiagnosticBag diagnostics)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (PlanTensor tensor in tensors)
        {
            if (!names.Add(tensor.Name))
            {
                diagnostics.Add(
                    DiagnosticCatalog.InconsistentPlanForCodegen,
                    location,
                    Invariant($"stage {stage.Index} lists {kind} '{Show(tensor.Name)}' twice"));
            }

            if (!TensorElements.TryGet(tensor.Type, out _))
            {
                diagnostics.Add(
                    DiagnosticCatalog.UnsupportedGeneratedElementType,
                    location,
                    stage.Index,
                    Show(tensor.Name),
                    Show(tensor.Type),
                    string.Join(", ", TensorElements.Names));
            }
        }
    }

    private static void CheckRoute(
        PlanTransfer transfer, string name, PlanStage from, PlanStage to, DeviceManifest manifest, Action<string> fail)
    {
        var route = transfer.Route;
        if (route.Count == 0 || route[0] != from.Device || route[route.Count - 1] != to.Device)
        {
            fail($"{name} has route '{Show(string.Join("->", route))}', which does not lead from '{Show(from.Device)}' to '{Show(to.Device)}'");
            return;
        }

        for (int hop = 0; hop + 1 < route.Count; hop++)
        {
            if (FindLink(manifest, route[hop], route[hop + 1]) is null)
            {
                fail($"{name} crosses '{Show(route[hop])}->{Show(route[hop + 1])}', which is not a link of the manifest");
            }
        }
    }

    /// <summary>
    /// The tensors a transfer moves: those it lists, or, when it lists none, every output of the sending stage whose
    /// <c>to</c> names the receiving stage.
    /// </summary>
    /// <param name="transfer">The transfer.</param>
    /// <param name="from">The sending stage.</param>
    /// <returns>The tensor names, in the order moved.</returns>
    public static EquatableArray<string> TensorsOf(PlanTransfer transfer, PlanStage from) => transfer.Tensors.Count > 0
        ? transfer.Tensors
        : from.Outputs.Where(o => transfer.ToStage is int to ? o.ToStages.Contains(to) : o.ToOutput).Select(o => o.Name).ToEquatableArray();

    /// <summary>The manifest link from <paramref name="from"/> to <paramref name="to"/>, or null.</summary>
    /// <param name="manifest">The manifest.</param>
    /// <param name="from">The sending device.</param>
    /// <param name="to">The receiving device.</param>
    /// <returns>The first such link.</returns>
    public static LinkSpec? FindLink(DeviceManifest manifest, string from, string to) =>
        manifest.Links.FirstOrDefault(l => l.From == from && l.To == to);

    private static string Show(string text) => DisplayText.Escape(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
