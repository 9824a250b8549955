using PartitionCompiler.Cli.Planning;
using PartitionCompiler.Codegen.Emit;
using PartitionCompiler.Codegen.Spec;
using PartitionCompiler.OnnxSplitter.Probing;
using PartitionCompiler.OnnxSplitter.Profiling;
using PartitionCompiler.OnnxSplitter.Reading;
using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.Partitioning.Costs;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Manifest;
using PartitionCompiler.Partitioning.Plan;
using PartitionCompiler.Partitioning.Profiles;
using PartitionCompiler.Partitioning.Shapes;

namespace PartitionCompiler.Cli;

/// <summary>
/// The map of the product, top to bottom: Model -> Graph -> Costs -> Solver -> Plan -> Emit. Each step reports
/// problems as diagnostics and returns null when the next step cannot run; commands chain the steps they need
/// (<c>inspect</c>: <see cref="Analyze"/>; <c>plan</c>: <see cref="Plan"/>, <see cref="Emit"/>, <see cref="Verify"/>;
/// <c>profile</c>: <see cref="Profile"/>).
/// Each step is one call; the work lives in the projects the calls name.
/// </summary>
internal static class Pipeline
{
    /// <summary>Model -> Graph -> types -> Costs: everything <c>inspect</c> shows.</summary>
    public static AnalyzedModel? Analyze(string modelPath, IReadOnlyList<InputPin> pins, DiagnosticBag diagnostics)
    {
        // Model: the file, its external data checked, as the pure ModelSpec.
        var model = OnnxModelReader.Read(modelPath, diagnostics);
        if (model is null)
        {
            return null;
        }

        // Graph: weight producers, positions (topological order), tensors with producers and consumers.
        var graph = GraphBuilder.Build(model.Spec, model.Location, diagnostics);
        if (graph is null)
        {
            return null;
        }

        // Types: static inference; ONNX Runtime decides what it cannot.
        var (types, fallback) = InferTypes(model, graph, pins, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        // Costs: FLOPs, parameter and output bytes per node, the tensors crossing every cut.
        var costs = CostModel.Compute(graph, types);
        return new AnalyzedModel(model, graph, types, costs, fallback);
    }

    /// <summary>
    /// Static shape inference; where it leaves tensors undecided, one ONNX Runtime run on zeros decides them and
    /// inference runs again with those types (DESIGN.md section 3: ask ONNX Runtime once rather than guess).
    /// </summary>
    public static (InferredTypes Types, IReadOnlyList<string> OrtShapeFallback) InferTypes(
        OnnxModel model, OperatorGraph graph, IReadOnlyList<InputPin> pins, DiagnosticBag diagnostics)
    {
        var first = new DiagnosticBag();
        var types = ShapeInference.Infer(graph, pins, first, null, model.Location);
        if (types.Undecided.Count == 0 || first.HasErrors)
        {
            diagnostics.AddRange(first.Items);
            return (types, []);
        }

        var known = OrtShapeProbe.Probe(model, types.Undecided, pins, diagnostics);
        if (known is null || known.Count == 0)
        {
            diagnostics.AddRange(first.Items);
            return (types, []);
        }

        var second = new DiagnosticBag();
        var decided = ShapeInference.Infer(graph, pins, second, known, model.Location);
        diagnostics.AddRange(second.Items);
        return (decided, types.Undecided.Where(known.ContainsKey).ToList());
    }

    /// <summary>
    /// Manifest + Model -> Graph -> Costs -> Solver -> Plan, and the plan's stage models and C# built in memory:
    /// everything <c>partc plan</c> writes, before anything is written.
    /// </summary>
    public static PlannedModel? Plan(PlanSettings settings, DiagnosticBag diagnostics, StepProgress progress)
    {
        // Manifest: devices, links, objective, the files it names; the command line's overrides applied.
        var manifest = ManifestLoader.Load(settings, diagnostics);
        if (manifest is null)
        {
            return null;
        }

        // Model -> Graph -> Costs, with every dim pinned: planning needs static shapes.
        progress.Step("reading the model");
        var analyzed = Analyze(manifest.ModelPath, manifest.Manifest.Inputs, diagnostics);
        if (analyzed is null || !ShapeInference.RequireStaticShapes(analyzed.Graph, analyzed.Types, diagnostics, analyzed.Model.Location))
        {
            return null;
        }

        // Costs: measured device profiles, checked against this model, replace FLOP estimates where they cover a node.
        var profiles = ProfileLoader.Load(manifest, analyzed, diagnostics);
        if (profiles is null)
        {
            return null;
        }

        // Solver -> Plan: the K best partitions over the manifest's devices, the best one as the plan.
        progress.Step("solving");
        var locations = PlanLocations.Resolve(settings, manifest.ModelPath);
        var solved = KspPlanner.Plan(new KspPlanInputs(
            analyzed.Graph, analyzed.Types, analyzed.Costs, manifest.Manifest, profiles,
            locations.ModelPathInPlan, analyzed.Model.Sha256, manifest.Sha256, settings.Alternatives, new SourceLocation(manifest.Path)));
        diagnostics.AddRange(solved.Diagnostics);
        if (solved.Plan is null || solved.HasErrors)
        {
            return null;
        }

        // Emit (sub-ONNX): one stage model per stage; the plan records their hashes.
        progress.Step("building the stage models");
        var stages = SubModelBuilder.Build(analyzed.Model, analyzed.Graph, solved.Plan, diagnostics);
        if (stages is null)
        {
            return null;
        }

        var plan = stages.ApplyTo(solved.Plan);

        // Emit (C#): the stage classes and transfer glue, when a folder was named for them.
        var code = GenerateCode(plan, manifest, settings, locations, diagnostics, progress);
        return code is null ? null : new PlannedModel(manifest, analyzed, locations, plan, PlanJsonWriter.Write(plan), stages, code);
    }

    /// <summary>
    /// Emit (files): the stage models and C#, then the plan (or, locked, its check), each written atomically and only
    /// when it changed. The outputs list waits for <see cref="PlanFiles.Complete"/>, after the proof.
    /// </summary>
    public static PlanFiles? Emit(PlannedModel planned, PlanSettings settings, DiagnosticBag diagnostics) =>
        PlanFiles.Write(planned, settings.Mode, settings.OutputsList, diagnostics);

    /// <summary>The proof: the original model and the written stage chain on the same seeded inputs in ONNX Runtime.</summary>
    public static VerificationReport? Verify(PlannedModel planned, DiagnosticBag diagnostics) =>
        PlanVerifier.Verify(planned.Analyzed.Model, planned.Plan, planned.Locations.PartitionsRoot, new VerificationOptions(), diagnostics);

    /// <summary>Model -> Graph -> types (every dim pinned) -> the model's per-node times on this machine: what
    /// <c>partc profile</c> writes for a manifest device to name.</summary>
    public static DeviceProfile? Profile(string modelPath, string deviceName, IReadOnlyList<InputPin> pins, ProfilerOptions options,
        DiagnosticBag diagnostics, StepProgress progress)
    {
        progress.Step("reading the model");
        var analyzed = Analyze(modelPath, pins, diagnostics);
        if (analyzed is null || !ShapeInference.RequireStaticShapes(analyzed.Graph, analyzed.Types, diagnostics, analyzed.Model.Location))
        {
            return null;
        }

        progress.Step("running the model with ONNX Runtime's profiler");
        return NodeProfiler.Profile(analyzed.Model, analyzed.Graph, analyzed.Types, deviceName, options, diagnostics);
    }

    private static IReadOnlyList<GeneratedFile>? GenerateCode(
        PartitionPlan plan, LoadedManifest manifest, PlanSettings settings, PlanLocations locations, DiagnosticBag diagnostics, StepProgress progress)
    {
        if (locations.GeneratedFolder is null)
        {
            return [];
        }

        progress.Step("generating code");

        var spec = CodegenSpecBuilder.Build(
            plan,
            manifest.Manifest,
            settings.Namespace ?? CodegenSpecBuilder.DefaultNamespace,
            settings.ClassName ?? CodegenSpecBuilder.DefaultClassName(manifest.ModelPath),
            new SourceLocation(locations.PlanPath));
        diagnostics.AddRange(spec.Diagnostics);
        return spec.Spec is null ? null : StubEmitter.Emit(spec.Spec);
    }
}
