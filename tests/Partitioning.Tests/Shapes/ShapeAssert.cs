using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Shapes;

namespace PartitionCompiler.Partitioning.Tests.Shapes;

/// <summary>Assertions on inferred types.</summary>
internal static class ShapeAssert
{
    /// <summary>Asserts the tensor's shape, written like <c>"[1,64,55,55]"</c> (symbolic dims by symbol or <c>?</c>).</summary>
    public static void Shape(InferredTypes types, string tensor, string expected)
    {
        var type = types.TypeOf(tensor);
        Assert.NotNull(type);
        Assert.Equal(expected, type.Shape?.ToString());
    }

    public static void Type(InferredTypes types, string tensor, ElementType elementType, string shape)
    {
        Shape(types, tensor, shape);
        Assert.Equal(elementType, types.TypeOf(tensor)!.ElementType);
    }

    /// <summary>Asserts exactly one diagnostic with the code, and returns it.</summary>
    public static Diagnostic Single(DiagnosticBag bag, string code)
    {
        var diagnostic = Assert.Single(bag.Items);
        Assert.Equal(code, diagnostic.Code);
        return diagnostic;
    }
}
