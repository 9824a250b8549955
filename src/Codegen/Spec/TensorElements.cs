namespace PartitionCompiler.Codegen.Spec;

/// <summary>
/// The element types generated code can carry: those of the runtime's <c>ElementType</c>, each with the CLR type a
/// <c>DenseTensor&lt;T&gt;</c> holds them in (ONNX Runtime's own <c>Float16</c> and <c>BFloat16</c> for the 16-bit floats).
/// </summary>
internal static class TensorElements
{
    private static readonly TensorElementSpec[] Supported =
    [
        new("float32", "Float32", "float"),
        new("uint8", "UInt8", "byte"),
        new("int8", "Int8", "sbyte"),
        new("uint16", "UInt16", "ushort"),
        new("int16", "Int16", "short"),
        new("int32", "Int32", "int"),
        new("int64", "Int64", "long"),
        new("bool", "Bool", "bool"),
        new("float16", "Float16", "global::Microsoft.ML.OnnxRuntime.Float16"),
        new("float64", "Float64", "double"),
        new("uint32", "UInt32", "uint"),
        new("uint64", "UInt64", "ulong"),
        new("bfloat16", "BFloat16", "global::Microsoft.ML.OnnxRuntime.BFloat16"),
    ];

    /// <summary>The numpy names of the supported types, in ONNX number order.</summary>
    public static IEnumerable<string> Names => Supported.Select(s => s.NumpyName);

    /// <summary>Looks a plan element type up.</summary>
    /// <param name="numpyName">The plan's spelling.</param>
    /// <param name="element">The element type when supported.</param>
    /// <returns><see langword="true"/> when generated code can carry the type.</returns>
    public static bool TryGet(string numpyName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TensorElementSpec? element)
    {
        element = Array.Find(Supported, s => string.Equals(s.NumpyName, numpyName, StringComparison.Ordinal));
        return element is not null;
    }
}
