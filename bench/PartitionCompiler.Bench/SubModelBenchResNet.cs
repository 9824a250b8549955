using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.Bench;

/// <summary>
/// A ResNet-50-shaped model (He et al., "Deep residual learning for image recognition", CVPR 2016: a 7x7 stem, bottleneck
/// blocks [3, 4, 6, 3] of widths 64-512 with projection shortcuts, global average pool, 1000-way Gemm) with seeded random
/// weights: 25.5 M parameters in initializers, as an exporter writes it.
/// </summary>
internal static class SubModelBenchResNet
{
    private static readonly ElementType F32 = ElementType.Float32;

    public static OnnxModelBuilder Build(int seed)
    {
        var b = new OnnxModelBuilder(seed).IrVersion(8).Opset(13).Named("resnet50").Input("images", F32, 1, 3, 224, 224);
        string x = ConvBn(b, "stem", "images", 3, 64, 7, 2, 3, relu: true);
        b.Node("MaxPool", [x], ["stem_pool"], "stem.pool",
            OnnxAttribute.Ints("kernel_shape", 3, 3), OnnxAttribute.Ints("pads", 1, 1, 1, 1), OnnxAttribute.Ints("strides", 2, 2));
        x = "stem_pool";
        int channels = 64;
        int[] blocks = [3, 4, 6, 3];
        for (int stage = 0; stage < blocks.Length; stage++)
        {
            int width = 64 << stage;
            for (int block = 0; block < blocks[stage]; block++)
            {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                x = Bottleneck(b, $"layer{stage + 1}.{block}", x, channels, width, stride);
                channels = width * 4;
            }
        }

        b.Node("GlobalAveragePool", [x], ["pool"], "avgpool");
        b.Node("Flatten", ["pool"], ["flat"], "flatten", OnnxAttribute.Int("axis", 1));
        b.Weight("fc.weight", 1000, channels).Weight("fc.bias", 1000);
        b.Node("Gemm", ["flat", "fc.weight", "fc.bias"], ["logits"], "fc", OnnxAttribute.Int("transB", 1));
        return b.Output("logits", F32, 1, 1000);
    }

    private static string Bottleneck(OnnxModelBuilder b, string name, string x, int cin, int width, int stride)
    {
        string y = ConvBn(b, name + ".conv1", x, cin, width, 1, 1, 0, relu: true);
        y = ConvBn(b, name + ".conv2", y, width, width, 3, stride, 1, relu: true);
        y = ConvBn(b, name + ".conv3", y, width, width * 4, 1, 1, 0, relu: false);
        string skip = cin != width * 4 || stride != 1 ? ConvBn(b, name + ".downsample", x, cin, width * 4, 1, stride, 0, relu: false) : x;
        b.Node("Add", [y, skip], [name + "_sum"], name + ".add");
        b.Node("Relu", [name + "_sum"], [name + "_out"], name + ".relu");
        return name + "_out";
    }

    private static string ConvBn(OnnxModelBuilder b, string name, string x, int cin, int cout, int k, int stride, int pad, bool relu)
    {
        b.Weight(name + ".weight", cout, cin, k, k);
        b.Node("Conv", [x, name + ".weight"], [name + "_conv"], name,
            OnnxAttribute.Ints("kernel_shape", k, k), OnnxAttribute.Ints("pads", pad, pad, pad, pad), OnnxAttribute.Ints("strides", stride, stride));
        b.Weight(name + ".bn.scale", cout).Weight(name + ".bn.bias", cout).Weight(name + ".bn.mean", cout)
            .Constant(name + ".bn.var", Enumerable.Repeat(1f, cout).ToArray());
        b.Node("BatchNormalization", [name + "_conv", name + ".bn.scale", name + ".bn.bias", name + ".bn.mean", name + ".bn.var"], [name + "_bn"], name + ".bn");
        if (!relu)
        {
            return name + "_bn";
        }

        b.Node("Relu", [name + "_bn"], [name + "_relu"], name + ".relu");
        return name + "_relu";
    }
}
