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
/// <remarks>
/// Transfers follow the cut model: one per cut where the data changes device, so a transfer joins a stage and the next
/// one, or brings the graph inputs from the manifest's source to the first stage, or takes the graph outputs from the
/// last stage to the manifest's sink. A well-formed plan is then walked (<see cref="PlanFlow"/>): a transfer may send
/// only what its sending device holds at that point (its stages' outputs, what arrived there, the graph inputs on the
/// source), every stage input must be on the stage's device when it runs, and every graph output must reach the sink
/// (or the last stage's device when the manifest names no sink). A plan may come back to a device, which then still
/// holds what it had.
/// </remarks>
internal static class PlanChecks
{
    /// <summary>Reports every problem of <paramref name="plan"/> against itself and <paramref name="manifest"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="manifest">The manifest the plan was solved for.</param>
    /// <param name="location">The plan file, for the diagnostics.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <returns>Where each tensor the glue needs is, when the plan has no problem; otherwise null.</returns>
    public static PlanFlow? Run(PartitionPlan plan, DeviceManifest manifest, SourceLocation? location, DiagnosticBag diagnostics)
    {
        void Fail(string problem) => diagnostics.Add(DiagnosticCatalog.InconsistentPlanForCodegen, location, problem);
        int errorsBefore = diagnostics.Items.Count(d => d.IsError);

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

        if (stages.Count == 0)
        {
            Fail("the plan has no stages");
            return null;
        }

        CheckTypes(plan, Fail);
        CheckTransfers(plan, manifest, stages, Fail);
        if (diagnostics.Items.Count(d => d.IsError) != errorsBefore)
        {
            return null;
        }

        // Only a well-formed plan is walked: where each tensor is when it is needed.
        PlanFlow flow = PlanFlow.Walk(plan, manifest, problem => Fail(Show(problem)));
        return diagnostics.Items.Count(d => d.IsError) == errorsBefore ? flow : null;
    }

    private static void CheckTransfers(PartitionPlan plan, DeviceManifest manifest, Dictionary<int, PlanStage> stages, Action<string> fail)
    {
        int[] order = [.. stages.Keys.Order()];
        var seen = new HashSet<(int?, int?)>();
        foreach (PlanTransfer transfer in plan.Transfers)
        {
            string name = "transfer " + TransferSpec.Describe(transfer.FromStage, transfer.ToStage);
            if (transfer.FromStage is null && transfer.ToStage is null)
            {
                fail($"{name} connects no stage");
                continue;
            }

            PlanStage? from = null;
            PlanStage? to = null;
            if ((transfer.FromStage is int f && !stages.TryGetValue(f, out from)) || (transfer.ToStage is int t && !stages.TryGetValue(t, out to)))
            {
                fail($"{name} names a stage the plan does not have");
                continue;
            }

            if (!seen.Add((transfer.FromStage, transfer.ToStage)))
            {
                fail($"the plan lists {name} twice");
            }

            // The cut model: one transfer per cut, so a transfer joins neighbouring stages or a stage and an end.
            if (from is not null && to is not null && Array.IndexOf(order, to.Index) != Array.IndexOf(order, from.Index) + 1)
            {
                fail(Invariant($"{name} does not cross one cut: a transfer goes from a stage to the next one, and stage {from.Index}'s next is {Next(order, from.Index)}"));
            }
            else if (from is null && to is not null && to.Index != order[0])
            {
                fail(Invariant($"{name} brings the graph inputs to stage {to.Index}, but the first stage is {order[0]}"));
            }
            else if (to is null && from is not null && from.Index != order[^1])
            {
                fail(Invariant($"{name} takes the graph outputs from stage {from.Index}, but the last stage is {order[^1]}"));
            }

            string? sender = from?.Device ?? manifest.Source;
            string? receiver = to?.Device ?? manifest.Sink;
            if (receiver is null)
            {
                fail($"{name} goes to the sink, but the manifest names none");
                continue;
            }

            CheckRoute(transfer, name, sender, receiver, manifest, fail);
        }
    }

    private static string Next(int[] order, int index)
    {
        int at = Array.IndexOf(order, index);
        return at + 1 < order.Length ? order[at + 1].ToString(CultureInfo.InvariantCulture) : "none";
    }

    private static void CheckTypes(PartitionPlan plan, Action<string> fail)
    {
        // One tensor, one element type: glue copies a tensor between records of different stages.
        var types = new Dictionary<string, (string Type, int Stage)>(StringComparer.Ordinal);
        foreach (PlanStage stage in plan.Stages)
        {
            foreach (PlanTensor tensor in stage.Inputs.Concat(stage.Outputs))
            {
                if (!types.TryAdd(tensor.Name, (tensor.Type, stage.Index)) && types[tensor.Name].Type != tensor.Type)
                {
                    (string type, int first) = types[tensor.Name];
                    fail(Invariant($"tensor '{Show(tensor.Name)}' is {Show(type)} in stage {first} but {Show(tensor.Type)} in stage {stage.Index}"));
                    types[tensor.Name] = (tensor.Type, stage.Index);
                }
            }
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

    private static void CheckRoute(PlanTransfer transfer, string name, string sender, string receiver, DeviceManifest manifest, Action<string> fail)
    {
        var route = transfer.Route;
        if (route.Count < 2 || route[0] != sender || route[route.Count - 1] != receiver)
        {
            fail($"{name} has route '{Show(string.Join("->", route))}', which does not lead from '{Show(sender)}' to '{Show(receiver)}'");
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
