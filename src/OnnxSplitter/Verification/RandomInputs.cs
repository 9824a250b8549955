using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.OnnxSplitter.Verification;

/// <summary>
/// The seeded random inputs of the proof. One <see cref="Random"/> seeded with the seed draws, run after run and input
/// after input (in the model's input order), floats uniform in [-1, 1], integers (ids) uniform in [0, 8), and sets bools
/// to true, so the same seed always gives the same inputs.
/// </summary>
internal static class RandomInputs
{
    /// <summary>Why no random value of this type can be made, or null when it can.</summary>
    public static string? Unsupported(ElementType type) => type switch
    {
        ElementType.Float32 or ElementType.Float64 or ElementType.Float16 or ElementType.BFloat16
            or ElementType.Int8 or ElementType.UInt8 or ElementType.Int16 or ElementType.UInt16
            or ElementType.Int32 or ElementType.UInt32 or ElementType.Int64 or ElementType.UInt64 or ElementType.Bool => null,
        _ => $"its element type {type.NumpyName()} has no random value in the proof",
    };

    /// <summary>Values for every run: <c>result[run][input]</c> in the order of <paramref name="inputs"/>. The caller disposes them.</summary>
    public static List<OrtValue[]> Create(IReadOnlyList<GraphInputValue> inputs, int runs, int seed)
    {
        var random = new Random(seed);
        var result = new List<OrtValue[]>(runs);
        for (int run = 0; run < runs; run++)
        {
            var values = new OrtValue[inputs.Count];
            for (int i = 0; i < inputs.Count; i++)
            {
                values[i] = Create(inputs[i], random);
            }

            result.Add(values);
        }

        return result;
    }

    private static OrtValue Create(GraphInputValue input, Random random)
    {
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, (TensorElementType)(int)input.ElementType, input.Shape);
        var bytes = value.GetTensorMutableRawData();
        switch (input.ElementType)
        {
            case ElementType.Float32:
                Fill(MemoryMarshal.Cast<byte, float>(bytes), () => Uniform(random));
                break;
            case ElementType.Float64:
                Fill(MemoryMarshal.Cast<byte, double>(bytes), () => (random.NextDouble() * 2) - 1);
                break;
            case ElementType.Float16:
                Fill(MemoryMarshal.Cast<byte, ushort>(bytes), () => BitConverter.HalfToUInt16Bits((Half)Uniform(random)));
                break;
            case ElementType.BFloat16:
                Fill(MemoryMarshal.Cast<byte, ushort>(bytes), () => (ushort)(BitConverter.SingleToUInt32Bits(Uniform(random)) >> 16));
                break;
            case ElementType.Int8:
                Fill(MemoryMarshal.Cast<byte, sbyte>(bytes), () => (sbyte)random.Next(0, 8));
                break;
            case ElementType.UInt8:
                Fill(bytes, () => (byte)random.Next(0, 8));
                break;
            case ElementType.Int16:
                Fill(MemoryMarshal.Cast<byte, short>(bytes), () => (short)random.Next(0, 8));
                break;
            case ElementType.UInt16:
                Fill(MemoryMarshal.Cast<byte, ushort>(bytes), () => (ushort)random.Next(0, 8));
                break;
            case ElementType.Int32:
                Fill(MemoryMarshal.Cast<byte, int>(bytes), () => random.Next(0, 8));
                break;
            case ElementType.UInt32:
                Fill(MemoryMarshal.Cast<byte, uint>(bytes), () => (uint)random.Next(0, 8));
                break;
            case ElementType.Int64:
                Fill(MemoryMarshal.Cast<byte, long>(bytes), () => random.Next(0, 8));
                break;
            case ElementType.UInt64:
                Fill(MemoryMarshal.Cast<byte, ulong>(bytes), () => (ulong)random.Next(0, 8));
                break;
            case ElementType.Bool:
                bytes.Fill(1);
                break;
            default:
                value.Dispose();
                throw new ArgumentException($"No random values for {input.ElementType}.", nameof(input));
        }

        return value;
    }

    /// <summary>Uniform in [-1, 1].</summary>
    private static float Uniform(Random random) => (float)((random.NextDouble() * 2) - 1);

    private static void Fill<T>(Span<T> span, Func<T> next)
    {
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = next();
        }
    }

    /// <summary>
    /// The graph inputs to feed, in the model's input order, at the types and shapes the plan pins (the <c>"input"</c>
    /// tensors of its stages); an input no stage reads keeps its declared type and shape, a symbolic dim 0 as 1.
    /// Null after PC0414.
    /// </summary>
    public static List<GraphInputValue>? Shapes(ModelSpec model, IReadOnlyDictionary<string, GraphInputValue> pinned,
        SourceLocation? location, DiagnosticBag diagnostics)
    {
        var result = new List<GraphInputValue>();
        foreach (var input in model.Inputs)
        {
            var value = pinned.GetValueOrDefault(input.Name);
            if (value is null)
            {
                if (DeclaredShape(input.Type?.Shape) is not { } shape)
                {
                    diagnostics.Add(DiagnosticCatalog.VerifyInputUnsupported, location, input.Name,
                        "its shape has symbolic dims that no stage of the plan pins");
                    return null;
                }

                value = new GraphInputValue(input.Name, input.Type?.ElementType ?? ElementType.Undefined, shape);
            }

            if (Unsupported(value.ElementType) is { } problem)
            {
                diagnostics.Add(DiagnosticCatalog.VerifyInputUnsupported, location, input.Name, problem);
                return null;
            }

            result.Add(value);
        }

        return result;
    }

    private static long[]? DeclaredShape(TensorShape? shape)
    {
        if (shape is null)
        {
            return null;
        }

        var dims = new long[shape.Rank];
        for (int i = 0; i < dims.Length; i++)
        {
            if (shape[i].Value is long value)
            {
                dims[i] = value;
            }
            else if (i == 0)
            {
                dims[i] = 1;
            }
            else
            {
                return null;
            }
        }

        return dims;
    }
}
