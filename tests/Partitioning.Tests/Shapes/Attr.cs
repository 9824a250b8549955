using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.Partitioning.Tests.Shapes;

/// <summary>Attribute factories for <see cref="SpecBuilder"/>.</summary>
internal static class Attr
{
    public static AttributeValue Int(string name, long value) => new(name, AttributeKind.Int) { Int = value };

    public static AttributeValue Ints(string name, params long[] values) => new(name, AttributeKind.Ints) { Ints = values };

    public static AttributeValue Float(string name, double value) => new(name, AttributeKind.Float) { Float = value };

    public static AttributeValue Floats(string name, params double[] values) => new(name, AttributeKind.Floats) { Floats = values };

    public static AttributeValue String(string name, string value) => new(name, AttributeKind.String) { String = value };

    public static AttributeValue Tensor(string name, ConstantTensor tensor) => new(name, AttributeKind.Tensor) { Tensor = tensor };
}
