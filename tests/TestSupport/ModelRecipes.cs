using PartitionCompiler.Partitioning.Graph;

namespace PartitionCompiler.TestSupport;

/// <summary>
/// Ready-made models on <see cref="OnnxModelBuilder"/>: real network structures (torchvision AlexNet and SqueezeNet 1.1
/// at 224x224), small topologies (a residual block, a two-branch concat, an N-node chain), a model with an <c>If</c>
/// node and a model with external data. Each returns the builder so a test can still change it.
/// </summary>
public static class ModelRecipes
{
    private static readonly ElementType F32 = ElementType.Float32;

    /// <summary>torchvision AlexNet at 224x224 (conv/relu/maxpool, flatten, three Gemm; no dropout): 61.1 M parameters.</summary>
    public static OnnxModelBuilder AlexNet(WeightStyle weights = WeightStyle.Initializer, int seed = 11)
    {
        var b = new OnnxModelBuilder(seed).IrVersion(7).Opset(13).Named("alexnet").WeightsAs(weights)
            .Input("input", F32, 1, 3, 224, 224);
        string x = "input";
        x = ConvRelu(b, "features.0", x, 3, 64, 11, 4, 2);
        x = MaxPool(b, "features.2", x, 3, 2, 0, ceil: false);
        x = ConvRelu(b, "features.3", x, 64, 192, 5, 1, 2);
        x = MaxPool(b, "features.5", x, 3, 2, 0, ceil: false);
        x = ConvRelu(b, "features.6", x, 192, 384, 3, 1, 1);
        x = ConvRelu(b, "features.8", x, 384, 256, 3, 1, 1);
        x = ConvRelu(b, "features.10", x, 256, 256, 3, 1, 1);
        x = MaxPool(b, "features.12", x, 3, 2, 0, ceil: false);
        b.Node("Flatten", [x], ["flatten_out"], "flatten", OnnxAttribute.Int("axis", 1));
        x = Gemm(b, "classifier.1", "flatten_out", 9216, 4096);
        b.Node("Relu", [x], ["classifier.2_out"], "classifier.2");
        x = Gemm(b, "classifier.4", "classifier.2_out", 4096, 4096);
        b.Node("Relu", [x], ["classifier.5_out"], "classifier.5");
        x = Gemm(b, "classifier.6", "classifier.5_out", 4096, 1000);
        return b.Output(x, F32, 1, 1000);
    }

    /// <summary>torchvision SqueezeNet 1.1 at 224x224: ceil-mode pools, eight fire modules (concat merges), global average pool.</summary>
    public static OnnxModelBuilder SqueezeNet11(WeightStyle weights = WeightStyle.Initializer, int seed = 12)
    {
        var b = new OnnxModelBuilder(seed).IrVersion(7).Opset(13).Named("squeezenet1_1").WeightsAs(weights)
            .Input("input", F32, 1, 3, 224, 224);
        string x = ConvRelu(b, "features.0", "input", 3, 64, 3, 2, 0);
        x = MaxPool(b, "features.2", x, 3, 2, 0, ceil: true);
        x = Fire(b, "features.3", x, 64, 16, 64, 64);
        x = Fire(b, "features.4", x, 128, 16, 64, 64);
        x = MaxPool(b, "features.5", x, 3, 2, 0, ceil: true);
        x = Fire(b, "features.6", x, 128, 32, 128, 128);
        x = Fire(b, "features.7", x, 256, 32, 128, 128);
        x = MaxPool(b, "features.8", x, 3, 2, 0, ceil: true);
        x = Fire(b, "features.9", x, 256, 48, 192, 192);
        x = Fire(b, "features.10", x, 384, 48, 192, 192);
        x = Fire(b, "features.11", x, 384, 64, 256, 256);
        x = Fire(b, "features.12", x, 512, 64, 256, 256);
        x = ConvRelu(b, "classifier.1", x, 512, 1000, 1, 1, 0);
        b.Node("GlobalAveragePool", [x], ["classifier.3_out"], "classifier.3");
        b.Node("Flatten", ["classifier.3_out"], ["output"], "flatten", OnnxAttribute.Int("axis", 1));
        return b.Output("output", F32, 1, 1000);
    }

    /// <summary>A ResNet basic block on [1,64,56,56]: conv-BN-relu-conv-BN, skip connection added, relu.</summary>
    public static OnnxModelBuilder ResidualBlock(int seed = 13)
    {
        var b = new OnnxModelBuilder(seed).Named("residual_block").Input("x", F32, 1, 64, 56, 56);
        string y = Conv(b, "conv1", "x", 64, 64, 3, 1, 1, bias: false);
        y = BatchNorm(b, "bn1", y, 64);
        b.Node("Relu", [y], ["relu1_out"], "relu1");
        y = Conv(b, "conv2", "relu1_out", 64, 64, 3, 1, 1, bias: false);
        y = BatchNorm(b, "bn2", y, 64);
        b.Node("Add", [y, "x"], ["add_out"], "add");
        b.Node("Relu", ["add_out"], ["y"], "relu2");
        return b.Output("y", F32, 1, 64, 56, 56);
    }

    /// <summary>Two convolution branches (1x1 and 3x3) of [1,16,32,32] joined by a channel Concat, then a 1x1 conv.</summary>
    public static OnnxModelBuilder TwoBranchConcat(int seed = 14)
    {
        var b = new OnnxModelBuilder(seed).Named("two_branch").Input("x", F32, 1, 16, 32, 32);
        string left = ConvRelu(b, "left", "x", 16, 8, 1, 1, 0);
        string right = ConvRelu(b, "right", "x", 16, 8, 3, 1, 1);
        b.Node("Concat", [left, right], ["concat_out"], "concat", OnnxAttribute.Int("axis", 1));
        string y = Conv(b, "head", "concat_out", 16, 4, 1, 1, 0, bias: true);
        return b.Output(y, F32, 1, 4, 32, 32);
    }

    /// <summary>
    /// A chain of <paramref name="nodes"/> nodes on [1,<paramref name="width"/>], cycling Add (own bias), Relu, Mul (own
    /// scale), Sigmoid.
    /// </summary>
    public static OnnxModelBuilder Chain(int nodes, int width = 64, int seed = 15)
    {
        var b = new OnnxModelBuilder(seed).Named("chain").Input("x", F32, 1, width);
        string x = "x";
        for (int i = 0; i < nodes; i++)
        {
            string name = $"n{i}";
            string output = i == nodes - 1 ? "y" : name + "_out";
            switch (i % 4)
            {
                case 0:
                    b.Weight(name + ".bias", width).Node("Add", [x, name + ".bias"], [output], name);
                    break;
                case 1:
                    b.Node("Relu", [x], [output], name);
                    break;
                case 2:
                    b.Weight(name + ".scale", width).Node("Mul", [x, name + ".scale"], [output], name);
                    break;
                default:
                    b.Node("Sigmoid", [x], [output], name);
                    break;
            }

            x = output;
        }

        return b.Output("y", F32, 1, width);
    }

    /// <summary>
    /// An <c>If</c> on whether sum(x) &gt; 0 for x of [1,8]: the then-branch multiplies by the main graph's initializer
    /// <c>w</c> (an outer-scope read), the else-branch negates x. The result is added to x and passed through Relu.
    /// </summary>
    public static OnnxModelBuilder WithIf(int seed = 16)
    {
        var thenBranch = new OnnxGraphBuilder("then_branch")
            .Node("Mul", ["x", "w"], ["then_out"], "then_mul")
            .Output("then_out", F32, 1, 8);
        var elseBranch = new OnnxGraphBuilder("else_branch")
            .Node("Neg", ["x"], ["else_out"], "else_neg")
            .Output("else_out", F32, 1, 8);
        return new OnnxModelBuilder(seed).Named("with_if").Input("x", F32, 1, 8)
            .Weight("w", 1, 8)
            .Constant("zero", [0f], [])
            .Node("ReduceSum", ["x"], ["sum"], "sum", OnnxAttribute.Int("keepdims", 0))
            .Node("Greater", ["sum", "zero"], ["cond"], "cond")
            .Node("If", ["cond"], ["branch_out"], "if",
                OnnxAttribute.Graph("then_branch", thenBranch), OnnxAttribute.Graph("else_branch", elseBranch))
            .Node("Add", ["branch_out", "x"], ["add_out"], "add")
            .Node("Relu", ["add_out"], ["y"], "relu")
            .Output("y", F32, 1, 8);
    }

    /// <summary>The two-branch model with every initializer in the external data file <c>weights.bin</c> beside the model.</summary>
    public static OnnxModelBuilder WithExternalData(int seed = 17) =>
        TwoBranchConcat(seed).ExternalData("weights.bin");

    private static string Conv(OnnxModelBuilder b, string name, string x, int cin, int cout, int k, int stride, int pad, bool bias)
    {
        b.Weight(name + ".weight", cout, cin, k, k);
        string[] inputs = [x, name + ".weight"];
        if (bias)
        {
            b.Weight(name + ".bias", cout);
            inputs = [x, name + ".weight", name + ".bias"];
        }

        b.Node("Conv", inputs, [name + "_out"], name,
            OnnxAttribute.Ints("dilations", 1, 1),
            OnnxAttribute.Int("group", 1),
            OnnxAttribute.Ints("kernel_shape", k, k),
            OnnxAttribute.Ints("pads", pad, pad, pad, pad),
            OnnxAttribute.Ints("strides", stride, stride));
        return name + "_out";
    }

    private static string ConvRelu(OnnxModelBuilder b, string name, string x, int cin, int cout, int k, int stride, int pad)
    {
        string conv = Conv(b, name, x, cin, cout, k, stride, pad, bias: true);
        b.Node("Relu", [conv], [name + "_relu"], name + ".relu");
        return name + "_relu";
    }

    private static string MaxPool(OnnxModelBuilder b, string name, string x, int k, int stride, int pad, bool ceil)
    {
        // ceil_mode exists from opset 10; floor mode leaves it out so that opset-9 variants stay valid.
        OnnxAttribute[] attributes =
        [
            OnnxAttribute.Ints("kernel_shape", k, k),
            OnnxAttribute.Ints("pads", pad, pad, pad, pad),
            OnnxAttribute.Ints("strides", stride, stride),
        ];
        b.Node("MaxPool", [x], [name + "_out"], name, ceil ? [OnnxAttribute.Int("ceil_mode", 1), .. attributes] : attributes);
        return name + "_out";
    }

    private static string Gemm(OnnxModelBuilder b, string name, string x, int inFeatures, int outFeatures)
    {
        b.Weight(name + ".weight", outFeatures, inFeatures).Weight(name + ".bias", outFeatures);
        b.Node("Gemm", [x, name + ".weight", name + ".bias"], [name + "_out"], name,
            OnnxAttribute.Float("alpha", 1f), OnnxAttribute.Float("beta", 1f), OnnxAttribute.Int("transB", 1));
        return name + "_out";
    }

    private static string Fire(OnnxModelBuilder b, string name, string x, int cin, int squeeze, int expand1, int expand3)
    {
        string s = ConvRelu(b, name + ".squeeze", x, cin, squeeze, 1, 1, 0);
        string e1 = ConvRelu(b, name + ".expand1x1", s, squeeze, expand1, 1, 1, 0);
        string e3 = ConvRelu(b, name + ".expand3x3", s, squeeze, expand3, 3, 1, 1);
        b.Node("Concat", [e1, e3], [name + "_out"], name + ".concat", OnnxAttribute.Int("axis", 1));
        return name + "_out";
    }

    private static string BatchNorm(OnnxModelBuilder b, string name, string x, int channels)
    {
        var ones = Enumerable.Repeat(1f, channels).ToArray();
        b.Weight(name + ".weight", channels).Weight(name + ".bias", channels).Weight(name + ".running_mean", channels)
            .Constant(name + ".running_var", ones);
        b.Node("BatchNormalization", [x, name + ".weight", name + ".bias", name + ".running_mean", name + ".running_var"],
            [name + "_out"], name, OnnxAttribute.Float("epsilon", 1e-5f), OnnxAttribute.Float("momentum", 0.9f));
        return name + "_out";
    }
}
