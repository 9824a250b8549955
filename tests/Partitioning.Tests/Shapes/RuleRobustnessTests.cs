using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Shapes;

namespace PartitionCompiler.Partitioning.Tests.Shapes;

/// <summary>Bad input gives diagnostics or undecided outputs, never an exception: every rule on random shapes,
/// values and attributes.</summary>
public sealed class RuleRobustnessTests
{
    public static TheoryData<string> Ops
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string op in ShapeRules.OpTypes)
            {
                data.Add(op);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void Random_inputs_and_attributes_never_throw(string op)
    {
        var random = new Random(op.Sum(c => c) * 31);
        for (int trial = 0; trial < 300; trial++)
        {
            var inputs = new List<ValueSpec>();
            var initializers = new List<InitializerSpec>();
            int inputCount = random.Next(0, 5);
            var names = new List<string>();
            for (int i = 0; i < inputCount; i++)
            {
                string name = $"in{i}";
                names.Add(random.Next(8) == 0 ? "" : name);
                if (random.Next(2) == 0)
                {
                    long[] values = Enumerable.Range(0, random.Next(0, 5)).Select(_ => RandomLong(random)).ToArray();
                    var type = random.Next(3) == 0 ? ElementType.Float32 : ElementType.Int64;
                    var tensor = type == ElementType.Float32
                        ? ConstantTensor.FromReals(type, [values.Length], values.Select(v => (double)v).ToArray())
                        : ConstantTensor.FromIntegers(type, [values.Length], values);
                    initializers.Add(new InitializerSpec(name, type, new long[] { values.Length }, values.Length * 8L, tensor, false));
                }
                else
                {
                    var dims = Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(6) == 0 ? Dim.Symbolic() : new Dim(random.Next(0, 7))).ToArray();
                    var type = (ElementType)new[] { 1, 2, 3, 6, 7, 9, 10 }[random.Next(7)];
                    inputs.Add(new ValueSpec(name, random.Next(10) == 0 ? null : new TensorType(type, random.Next(10) == 0 ? null : new TensorShape(dims.ToEquatableArray()))));
                }
            }

            var attributes = Enumerable.Range(0, random.Next(0, 6)).Select(_ => RandomAttribute(random)).DistinctBy(a => a.Name).ToArray();
            var outputs = Enumerable.Range(0, random.Next(1, 4)).Select(o => $"out{o}").ToArray();
            var node = new NodeSpec(0, "n", op, "", names.ToEquatableArray(), outputs.ToEquatableArray(), attributes.ToEquatableArray(), EquatableArray<string>.Empty, false);
            var model = new ModelSpec("fuzz", 8, EquatableArray.Create(new OpsetImport("", random.Next(1, 22))), "tests", EquatableArray.Create(node),
                inputs.ToEquatableArray(), EquatableArray.Create(new ValueSpec("out0", null)), initializers.ToEquatableArray(), EquatableArray<ValueSpec>.Empty);
            var bag = new DiagnosticBag();
            var graph = GraphBuilder.Build(model, new SourceLocation("fuzz.onnx"), bag);
            if (graph is null)
            {
                continue;
            }

            var types = ShapeInference.Infer(graph, [], bag);
            var costs = Partitioning.Costs.CostModel.Compute(graph, types);
            Assert.Equal(graph.PositionCount + 1, costs.Cuts.Count);
            Assert.All(bag.Items, d => Assert.StartsWith("PC01", d.Code, StringComparison.Ordinal));
        }
    }

    private static long RandomLong(Random random) => random.Next(10) switch
    {
        0 => long.MaxValue,
        1 => long.MinValue,
        2 => -random.Next(1, 6),
        3 => 1L << 40,
        _ => random.Next(0, 6),
    };

    private static AttributeValue RandomAttribute(Random random)
    {
        string[] names =
        [
            "axis", "axes", "perm", "pads", "kernel_shape", "strides", "dilations", "group", "split", "num_outputs", "to", "keepdims",
            "starts", "ends", "shape", "scales", "equation", "auto_pad", "ceil_mode", "transA", "transB", "blocksize", "output_shape",
            "output_padding", "k", "start", "end", "allowzero", "mode", "dtype", "value", "pooled_shape", "batch_dims", "stash_type",
            "output_dtype", "noop_with_empty_axes", "keep_aspect_ratio_policy", "broadcast", "paddings", "value_ints", "value_int",
        ];
        string name = names[random.Next(names.Length)];
        var ints = Enumerable.Range(0, random.Next(0, 9)).Select(_ => RandomLong(random)).ToArray();
        return random.Next(6) switch
        {
            0 => new AttributeValue(name, AttributeKind.Int) { Int = RandomLong(random) },
            1 => new AttributeValue(name, AttributeKind.String) { String = new[] { "SAME_UPPER", "VALID", "ij,jk->ik", "...i,i", "x", "" }[random.Next(6)] },
            2 => new AttributeValue(name, AttributeKind.Floats) { Floats = ints.Select(v => v / 2.0).ToArray() },
            3 => new AttributeValue(name, AttributeKind.Tensor) { Tensor = ConstantTensor.FromIntegers(ElementType.Int64, [ints.Length], ints) },
            _ => new AttributeValue(name, AttributeKind.Ints) { Ints = ints },
        };
    }
}
