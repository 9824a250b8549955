using PartitionCompiler.Runtime.Plans;
using PartitionCompiler.Runtime.Sessions;
using PartitionCompiler.Runtime.Tensors;

namespace GlassesPhoneCloud;

/// <summary>One run on zeros before serving, so that the first real frame does not pay for ONNX Runtime's first run.</summary>
internal static class Warmup
{
    public static void Run(StageSession session, IReadOnlyList<StageInputDescriptor> inputs) =>
        session.Run([.. inputs.Select(Zeros)]);

    private static NamedTensor Zeros(StageInputDescriptor input)
    {
        long elements = input.Shape.Aggregate(1L, (product, dim) => product * dim);
        return new NamedTensor(input.Name, input.ElementType, [.. input.Shape], new byte[checked((int)(elements * ElementTypes.SizeOf(input.ElementType)))]);
    }
}
