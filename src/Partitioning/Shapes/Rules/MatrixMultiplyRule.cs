using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Shapes.Rules;

/// <summary>
/// <c>Gemm</c> (2-D, optional transposes) and <c>MatMul</c>/<c>MatMulInteger</c>/<c>QLinearMatMul</c> (numpy
/// semantics: 1-D operands are promoted and the added dim dropped again; batch dims broadcast).
/// </summary>
internal sealed class MatrixMultiplyRule : IShapeRule
{
    public IReadOnlyList<string> OpTypes { get; } = ["Gemm", "MatMul", "MatMulInteger", "QLinearMatMul"];

    public void Infer(ShapeContext context)
    {
        bool quantized = context.Node.OpType == "QLinearMatMul";
        var a = context.InputShape(0);
        var b = context.InputShape(quantized ? 3 : 1);
        var elementType = context.Node.OpType switch
        {
            "MatMulInteger" => ElementType.Int32,
            "QLinearMatMul" => context.InputElementType(7),
            _ => context.InputElementType(0),
        };
        if (a is null || b is null)
        {
            return;
        }

        if (context.Node.OpType == "Gemm")
        {
            InferGemm(context, a, b, elementType);
            return;
        }

        if (a.Rank == 0 || b.Rank == 0)
        {
            context.Mismatch($"MatMul operands must not be scalars (shapes {a} and {b})");
            return;
        }

        var left = a.Rank == 1 ? new[] { (Dim)1, a[0] } : a.Dims.ToArray();
        var right = b.Rank == 1 ? new[] { b[0], (Dim)1 } : b.Dims.ToArray();
        var k1 = left[^1];
        var k2 = right[^2];
        if (!DimMath.Compatible(k1, k2))
        {
            context.Mismatch($"shapes {a} and {b} cannot be multiplied (inner dims {k1} and {k2} differ)");
            return;
        }

        var batch = DimMath.Broadcast([DimMath.Shape(left[..^2]), DimMath.Shape(right[..^2])], out string? error);
        if (batch is null)
        {
            context.Mismatch($"batch dims of {a} and {b} do not broadcast: {error}");
            return;
        }

        var output = batch.Dims.ToList();
        if (a.Rank > 1)
        {
            output.Add(left[^2]);
        }

        if (b.Rank > 1)
        {
            output.Add(right[^1]);
        }

        context.SetOutput(0, elementType, DimMath.Shape(output));
    }

    private static void InferGemm(ShapeContext context, TensorShape a, TensorShape b, ElementType elementType)
    {
        if (a.Rank != 2 || b.Rank != 2)
        {
            context.Mismatch($"Gemm needs 2-D inputs, got {a} and {b}");
            return;
        }

        bool transA = context.Int("transA", 0) != 0;
        bool transB = context.Int("transB", 0) != 0;
        var m = transA ? a[1] : a[0];
        var k1 = transA ? a[0] : a[1];
        var k2 = transB ? b[1] : b[0];
        var n = transB ? b[0] : b[1];
        if (!DimMath.Compatible(k1, k2))
        {
            context.Mismatch($"A {a} (transA={(transA ? 1 : 0)}) and B {b} (transB={(transB ? 1 : 0)}) have different inner dims {k1} and {k2}");
            return;
        }

        context.SetOutput(0, elementType, DimMath.Shape(m, n));
    }
}
