using System.Globalization;
using PartitionCompiler.Codegen.Naming;
using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.Codegen.Spec;

/// <summary>
/// Turns a plan, its manifest and the names the user chose into a <see cref="CodegenSpec"/>: the pure first half of
/// code generation (the <see cref="Emit.StubEmitter"/> is the second). No IO, no Roslyn trees; problems are
/// diagnostics (PC0460-PC0463), never exceptions.
/// </summary>
public static class CodegenSpecBuilder
{
    /// <summary>The namespace used when the user names none.</summary>
    public const string DefaultNamespace = "PartitionCompiler.Generated";

    /// <summary>The plan class used when the user names none: PascalCase(model file stem) + <c>Plan</c>.</summary>
    /// <param name="modelPath">The model's path or file name (either separator).</param>
    /// <returns>For <c>models/detector.onnx</c>, <c>DetectorPlan</c>.</returns>
    public static string DefaultClassName(string modelPath) =>
        IdentifierSanitizer.Bare(ModelStem(modelPath), IdentifierCase.Pascal, "Model") + "Plan";

    /// <summary>Builds the spec.</summary>
    /// <param name="plan">The solved (or read) plan.</param>
    /// <param name="manifest">The manifest the plan was solved for (device order and link figures come from it).</param>
    /// <param name="namespaceName">The namespace of the generated code: identifiers joined by dots.</param>
    /// <param name="className">The plan class: an identifier.</param>
    /// <param name="planLocation">The plan file, named by diagnostics about the plan.</param>
    /// <returns>The spec, or the diagnostics that prevent it.</returns>
    public static CodegenSpecResult Build(
        PartitionPlan plan, DeviceManifest manifest, string namespaceName, string className, SourceLocation? planLocation = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(namespaceName);
        ArgumentNullException.ThrowIfNull(className);
        var diagnostics = new DiagnosticBag();
        CheckNamespace(namespaceName, diagnostics);
        if (!IdentifierSanitizer.IsPlainIdentifier(className))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidGeneratedClassName, null, DisplayText.Escape(className), Reason(className));
        }

        PlanFlow? flow = PlanChecks.Run(plan, manifest, planLocation, diagnostics);
        if (diagnostics.HasErrors || flow is null)
        {
            return new CodegenSpecResult(null, diagnostics.Items.ToEquatableArray());
        }

        PlanStage[] stages = [.. plan.Stages.OrderBy(s => s.Index)];
        var transfers = plan.Transfers.ToDictionary(t => t, t => Transfer(t, manifest));
        DeviceClassSpec[] devices = DeviceClasses(stages, manifest, className);
        var records = stages.ToDictionary(s => s.Index, s => (Inputs: Tensors(s.Inputs, "Inputs"), Outputs: Tensors(s.Outputs, "Outputs")));
        TensorSpec[] graphInputs = GraphTensors(flow.GraphInputs, stages.SelectMany(s => s.Inputs), ReservedNames.GraphInputsRecord, _ => null);
        TensorSpec[] graphOutputs = GraphTensors(
            flow.GraphOutputs, stages.SelectMany(s => s.Outputs), ReservedNames.GraphOutputsRecord, name => stages.First(s => s.Outputs.Any(o => o.Name == name)).Index);
        var glue = new GlueSpecBuilder(flow, records, graphInputs, t => transfers[t]);
        var spec = new CodegenSpec(
            namespaceName,
            className,
            ModelStem(plan.Model.Path),
            plan.Model.Path,
            plan.Model.Sha256,
            plan.ManifestSha256,
            plan.Model.Nodes,
            plan.Strategy,
            plan.Objective,
            Round6(plan.Predicted.LatencyMs),
            Round6(plan.Predicted.EnergyJ),
            devices.ToEquatableArray(),
            stages.Select(s => Stage(s, devices, records[s.Index], glue)).ToEquatableArray(),
            plan.Transfers.Select(t => transfers[t]).ToEquatableArray(),
            graphInputs.ToEquatableArray(),
            graphOutputs.ToEquatableArray(),
            glue.SendGraphInputs(),
            glue.ReceiveGraphOutputs());
        return new CodegenSpecResult(spec, diagnostics.Items.ToEquatableArray());
    }

    /// <summary>A figure as the plan file writes it: 6 significant digits, so generated constants match the file.</summary>
    /// <param name="value">A time or energy.</param>
    /// <returns>The rounded value.</returns>
    internal static double Round6(double value) => double.IsFinite(value)
        ? double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        : value;

    private static void CheckNamespace(string namespaceName, DiagnosticBag diagnostics)
    {
        string[] parts = namespaceName.Split('.');
        string? bad = parts.FirstOrDefault(p => !IdentifierSanitizer.IsPlainIdentifier(p));
        if (bad is not null)
        {
            string reason = bad.Length == 0 ? "it has an empty part" : $"'{DisplayText.Escape(bad)}': {Reason(bad)}";
            diagnostics.Add(DiagnosticCatalog.InvalidGeneratedNamespace, null, DisplayText.Escape(namespaceName), reason);
        }
        else if (parts[0] == "global")
        {
            diagnostics.Add(DiagnosticCatalog.InvalidGeneratedNamespace, null, namespaceName, "'global' is reserved");
        }
    }

    private static string Reason(string identifier) =>
        identifier.Length == 0 ? "it is empty"
        : IdentifierSanitizer.IsKeyword(identifier) ? "it is a C# keyword"
        : "it has a character C# does not allow there";

    private static DeviceClassSpec[] DeviceClasses(PlanStage[] stages, DeviceManifest manifest, string className)
    {
        // Device classes are claimed in manifest order, so a collision suffix goes to the later device.
        var scope = new IdentifierScope(ReservedNames.ForDeviceClasses(className, stages.Length == 0 ? 0 : stages.Max(s => s.Index) + 1));
        return
        [
            .. manifest.Devices
                .Where(d => stages.Any(s => s.Device == d.Name))
                .Select(d => new DeviceClassSpec(
                    d.Name,
                    scope.Claim(d.Name, IdentifierCase.Pascal, "Device"),
                    stages.Where(s => s.Device == d.Name).Select(s => s.Index).ToEquatableArray())),
        ];
    }

    private static StageClassSpec Stage(
        PlanStage stage, DeviceClassSpec[] devices, (TensorSpec[] Inputs, TensorSpec[] Outputs) record, GlueSpecBuilder glue) => new(
        stage.Index,
        stage.Device,
        devices.First(d => d.Name == stage.Device).ClassName,
        ReservedNames.StageClass(stage.Index),
        stage.File,
        Round6(stage.PredictedMs),
        Round6(stage.EnergyJ),
        record.Inputs.ToEquatableArray(),
        record.Outputs.ToEquatableArray(),
        glue.Arrival(stage.Index),
        glue.Send(stage.Index),
        glue.Collect(stage.Index));

    private static TensorSpec[] Tensors(EquatableArray<PlanTensor> tensors, string recordName)
    {
        var scope = new IdentifierScope(ReservedNames.ForRecord(recordName));
        return
        [
            .. tensors.Select(t => new TensorSpec(
                t.Name,
                scope.Claim(t.Name, IdentifierCase.Pascal, "Tensor"),
                TensorElements.TryGet(t.Type, out TensorElementSpec? element) ? element : throw new InvalidOperationException("checked before"),
                t.Shape,
                t.FromStage,
                t.ToStages,
                t.ToOutput)),
        ];
    }

    private static TensorSpec[] GraphTensors(IEnumerable<string> names, IEnumerable<PlanTensor> described, string recordName, Func<string, int?> fromStage)
    {
        var scope = new IdentifierScope(ReservedNames.ForRecord(recordName));
        PlanTensor[] known = [.. described];
        return
        [
            .. names.Select(name => known.First(t => t.Name == name)).Select(t => new TensorSpec(
                t.Name,
                scope.Claim(t.Name, IdentifierCase.Pascal, "Tensor"),
                TensorElements.TryGet(t.Type, out TensorElementSpec? element) ? element : throw new InvalidOperationException("checked before"),
                t.Shape,
                fromStage(t.Name),
                EquatableArray<int>.Empty,
                recordName == ReservedNames.GraphOutputsRecord)),
        ];
    }

    private static TransferSpec Transfer(PlanTransfer transfer, DeviceManifest manifest)
    {
        var hops = Enumerable.Range(0, transfer.Route.Count - 1)
            .Select(h => PlanChecks.FindLink(manifest, transfer.Route[h], transfer.Route[h + 1])!)
            .Select(l => new HopSpec(l.From, l.To, l.BytesPerSecond, l.LatencySeconds))
            .ToEquatableArray();
        return new TransferSpec(
            transfer.FromStage, transfer.ToStage, transfer.Route, transfer.Tensors, transfer.Bytes, Round6(transfer.PredictedMs), hops);
    }

    private static string ModelStem(string modelPath)
    {
        string file = modelPath[(modelPath.LastIndexOfAny(['/', '\\']) + 1)..];
        return file.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) ? file[..^".onnx".Length] : file;
    }
}
