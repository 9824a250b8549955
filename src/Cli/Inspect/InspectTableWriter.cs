using System.Globalization;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Cli.Inspect;

/// <summary>
/// Writes the <c>partc inspect</c> table: one row per positioned node (position, node, op, output shapes, FLOPs,
/// parameter bytes, output bytes) and a totals row. It shows the first <see cref="DefaultRows"/> rows unless asked for
/// all, and says so. Weight producers are not rows: their bytes count as parameters of the nodes that read them.
/// </summary>
internal static class InspectTableWriter
{
    public const int DefaultRows = 50;

    public static void Write(AnalyzedModel analyzed, string displayPath, bool allRows, CliConsole console)
    {
        var graph = analyzed.Graph;
        var spec = analyzed.Model.Spec;
        var output = console.Output;
        output.Write($"model   {displayPath.Replace('\\', '/')}\n");
        output.Write($"sha256  {analyzed.Model.Sha256}\n");
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"graph   {(spec.GraphName.Length > 0 ? spec.GraphName : "(unnamed)")}: IR {spec.IrVersion}, opset {spec.DefaultOpset}, {graph.PositionCount} nodes, {graph.Nodes.Length - graph.PositionCount} weight producers\n"));
        foreach (var input in spec.Inputs)
        {
            output.Write($"input   {input.Name} {Describe(analyzed.Types.TypeOf(input.Name) ?? input.Type)}\n");
        }

        foreach (var graphOutput in spec.Outputs)
        {
            output.Write($"output  {graphOutput.Name} {Describe(analyzed.Types.TypeOf(graphOutput.Name))}\n");
        }

        if (analyzed.OrtShapeFallback.Count > 0)
        {
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"shapes  {analyzed.OrtShapeFallback.Count} tensor(s) decided by ONNX Runtime: {string.Join(", ", analyzed.OrtShapeFallback.Take(5))}{(analyzed.OrtShapeFallback.Count > 5 ? ", ..." : "")}\n"));
        }

        output.Write('\n');

        var table = new TextTable().Right("#").Left("node").Left("op").Left("output shape")
            .Right("FLOPs").Right("params (B)").Right("output (B)");
        int rows = allRows ? graph.PositionCount : Math.Min(DefaultRows, graph.PositionCount);
        for (int position = 0; position < rows; position++)
        {
            var node = graph.NodeAt(position);
            var cost = analyzed.Costs.Nodes[node.Index];
            var outputs = node.Spec.Outputs.Where(o => o.Length > 0).ToList();
            long?[] bytes = outputs.Select(o => analyzed.Types.TypeOf(o)?.Bytes).ToArray();
            table.Add(
                position.ToString(CultureInfo.InvariantCulture),
                node.Key,
                node.Spec.Domain.Length == 0 ? node.OpType : $"{node.Spec.Domain}:{node.OpType}",
                string.Join(" ", outputs.Select(o => Describe(analyzed.Types.TypeOf(o)))),
                Number(cost.Flops),
                Number(cost.ParameterBytes),
                bytes.All(b => b.HasValue) ? Number(bytes.Sum(b => b!.Value)) : "?");
        }

        table.Add("", "total", "", "", Number(analyzed.Costs.TotalFlops), Number(analyzed.Costs.TotalParameterBytes), "");

        table.Render(console);

        if (rows < graph.PositionCount)
        {
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"showing the first {rows} of {graph.PositionCount} nodes; --all shows every row\n"));
        }

        int weights = graph.Nodes.Length - graph.PositionCount;
        if (weights > 0)
        {
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"{weights} weight producer(s) (Constant, ConstantOfShape...) are not rows: their bytes count as params of the nodes that read them\n"));
        }
    }

    private static string Describe(TensorType? type) =>
        type is null ? "?" : $"{(type.ElementType == ElementType.Undefined ? "?" : type.ElementType.NumpyName())}{type.Shape?.ToString() ?? "[?]"}";

    private static string Number(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
