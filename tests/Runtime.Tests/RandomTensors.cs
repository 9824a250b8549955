using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;

namespace PartitionCompiler.Runtime.Tests;

/// <summary>Random tensors and messages for round-trip and fuzz tests.</summary>
internal static class RandomTensors
{
    public static NamedTensor Tensor(Random rng, string name, ElementType type, long[] shape)
    {
        long count = NamedTensor.CountElements(shape) ?? throw new ArgumentException("bad shape");
        byte[] data = new byte[count * ElementTypes.SizeOf(type)];
        rng.NextBytes(data);
        if (type == ElementType.Bool)
        {
            for (int i = 0; i < data.Length; i++)
            {
                data[i] &= 1;
            }
        }

        return new NamedTensor(name, type, shape, data);
    }

    public static long[] Shape(Random rng, int maxRank = 4, int maxDim = 5)
    {
        long[] shape = new long[rng.Next(0, maxRank + 1)];
        for (int i = 0; i < shape.Length; i++)
        {
            shape[i] = rng.Next(0, maxDim + 1);
        }

        return shape;
    }

    public static TensorMessage Message(int seed, int maxTensors = 5)
    {
        var rng = new Random(seed);
        int count = rng.Next(0, maxTensors + 1);
        var tensors = new List<NamedTensor>();
        for (int i = 0; i < count; i++)
        {
            ElementType type = ElementTypes.All[rng.Next(ElementTypes.All.Count)];
            string name = rng.Next(4) == 0 ? $"t{i}/ä→{(char)('a' + rng.Next(26))}" : $"tensor_{i}";
            tensors.Add(Tensor(rng, name, type, Shape(rng)));
        }

        return new TensorMessage(rng.Next(-1, 5), rng.Next(-1, 5), rng.NextInt64(0, long.MaxValue), tensors);
    }
}
