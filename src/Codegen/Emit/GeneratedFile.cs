namespace PartitionCompiler.Codegen.Emit;

/// <summary>One generated C# file: its fixed name and its text (UTF-8, <c>\n</c> line ends).</summary>
/// <param name="HintName">The file name, e.g. <c>DetectorPlan.g.cs</c> or <c>DetectorPlan.Stage0.g.cs</c>.</param>
/// <param name="Text">The C# source.</param>
public sealed record GeneratedFile(string HintName, string Text);
