namespace PartitionCompiler.Partitioning.Diagnostics;

// PC0460-PC0479: C# generation (src/Codegen). See DiagnosticCatalog.cs for the bands. Keep codes in order; never
// reuse a retired code.
public static partial class DiagnosticCatalog
{
    /// <summary>PC0460: <c>namespace '{0}' is not a valid C# namespace ...</c></summary>
    public static readonly DiagnosticDescriptor InvalidGeneratedNamespace = new(
        "PC0460", DiagnosticSeverity.Error, "Invalid namespace for generated code",
        "namespace '{0}' is not a valid C# namespace ({1}); pass identifiers joined by dots, such as 'MyApp.Partitions' (--namespace, or the item's Namespace metadata)");

    /// <summary>PC0461: <c>class name '{0}' is not a valid C# identifier ...</c></summary>
    public static readonly DiagnosticDescriptor InvalidGeneratedClassName = new(
        "PC0461", DiagnosticSeverity.Error, "Invalid class name for generated code",
        "class name '{0}' is not a valid C# identifier ({1}); pass a name such as 'DetectorPlan' (--class-name, or the item's ClassName metadata)");

    /// <summary>PC0462: <c>stage {0} tensor '{1}' has element type '{2}', which generated code cannot carry ...</c></summary>
    public static readonly DiagnosticDescriptor UnsupportedGeneratedElementType = new(
        "PC0462", DiagnosticSeverity.Error, "Element type generated code cannot carry",
        "stage {0} tensor '{1}' has element type '{2}', which generated code cannot carry (supported: {3}); choose a cut where this tensor stays inside one stage, or cast it in the model");

    /// <summary>PC0463: <c>the plan cannot be turned into code: {0} ...</c></summary>
    public static readonly DiagnosticDescriptor InconsistentPlanForCodegen = new(
        "PC0463", DiagnosticSeverity.Error, "Plan inconsistent with itself or the manifest",
        "the plan cannot be turned into code: {0}; run 'partc plan' again to write a fresh plan, or correct the plan file");
}
