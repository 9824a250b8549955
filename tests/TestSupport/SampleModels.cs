using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.TestSupport;

/// <summary>
/// The models the samples ship, built from fixed seeds so that the files under <c>samples/</c> are provably what this
/// code makes (<c>tests/OnnxSplitter.Tests/Samples/SampleModelFileTests.cs</c> compares them byte for byte).
/// </summary>
public static class SampleModels
{
    private const ElementType F32 = ElementType.Float32;

    /// <summary>The GlassesPhoneCloud sample's model, relative to the repository root.</summary>
    public const string ScenePath = "samples/GlassesPhoneCloud/models/scene.onnx";

    /// <summary>
    /// The GlassesPhoneCloud sample's scene classifier: a small residual CNN on a [1,3,128,128] camera frame giving 10
    /// class scores (195 k parameters, 781 KB of float32 weights; 46 M FLOPs).
    /// </summary>
    /// <remarks>
    /// A strided stem and a max pool shrink the frame to [1,16,32,32]; three stages of a downsampling convolution and
    /// residual blocks (conv-relu-conv, skip added, relu) follow at 32x32x16, 16x16x32 and 8x8x64 (two blocks there).
    /// The head concatenates the deep features' global average with a 16-value global average of the stem's
    /// full-resolution output, computed (in file order) before the pool: that long skip crosses every later cut, so a
    /// plan that cuts twice relays it through the middle device, and every cut after the stem carries at least two
    /// tensors (three inside a residual block).
    /// </remarks>
    public static OnnxModelBuilder Scene(int seed = 2024)
    {
        var b = new OnnxModelBuilder(seed).IrVersion(8).Opset(13).Producer("partitioncompiler-samples").Named("scene")
            .Input("image", F32, 1, 3, 128, 128);
        string x = Conv(b, "stem.conv", "image", 3, 16, 3, 2, relu: true);
        b.Node("GlobalAveragePool", [x], ["context.gap_out"], "context.gap");
        b.Node("Flatten", ["context.gap_out"], ["context"], "context.flatten", OnnxAttribute.Int("axis", 1));
        b.Node("MaxPool", [x], ["stem.pool_out"], "stem.pool",
            OnnxAttribute.Ints("kernel_shape", 2, 2), OnnxAttribute.Ints("pads", 0, 0, 0, 0), OnnxAttribute.Ints("strides", 2, 2));

        x = Residual(b, "block1", "stem.pool_out", 16);
        x = Conv(b, "down2", x, 16, 32, 3, 2, relu: true);
        x = Residual(b, "block2", x, 32);
        x = Conv(b, "down3", x, 32, 64, 3, 2, relu: true);
        x = Residual(b, "block3", x, 64);
        x = Residual(b, "block4", x, 64);

        b.Node("GlobalAveragePool", [x], ["head.gap_out"], "head.gap");
        b.Node("Flatten", ["head.gap_out"], ["head.features"], "head.flatten", OnnxAttribute.Int("axis", 1));
        b.Node("Concat", ["context", "head.features"], ["head.concat_out"], "head.concat", OnnxAttribute.Int("axis", 1));
        b.Weight("head.fc.weight", 10, 80).Weight("head.fc.bias", 10);
        b.Node("Gemm", ["head.concat_out", "head.fc.weight", "head.fc.bias"], ["scores"], "head.fc",
            OnnxAttribute.Float("alpha", 1f), OnnxAttribute.Float("beta", 1f), OnnxAttribute.Int("transB", 1));
        return b.Output("scores", F32, 1, 10);
    }

    private static string Residual(OnnxModelBuilder b, string name, string x, int channels)
    {
        string y = Conv(b, name + ".conv1", x, channels, channels, 3, 1, relu: true);
        y = Conv(b, name + ".conv2", y, channels, channels, 3, 1, relu: false);
        b.Node("Add", [y, x], [name + ".add_out"], name + ".add");
        b.Node("Relu", [name + ".add_out"], [name + "_out"], name + ".relu");
        return name + "_out";
    }

    private static string Conv(OnnxModelBuilder b, string name, string x, int cin, int cout, int k, int stride, bool relu)
    {
        b.Weight(name + ".weight", cout, cin, k, k).Weight(name + ".bias", cout);
        int pad = k / 2;
        b.Node("Conv", [x, name + ".weight", name + ".bias"], [name + "_out"], name,
            OnnxAttribute.Ints("dilations", 1, 1),
            OnnxAttribute.Int("group", 1),
            OnnxAttribute.Ints("kernel_shape", k, k),
            OnnxAttribute.Ints("pads", pad, pad, pad, pad),
            OnnxAttribute.Ints("strides", stride, stride));
        if (!relu)
        {
            return name + "_out";
        }

        b.Node("Relu", [name + "_out"], [name + ".relu_out"], name + ".relu");
        return name + ".relu_out";
    }
}
