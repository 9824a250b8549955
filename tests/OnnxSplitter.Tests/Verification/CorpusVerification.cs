using PartitionCompiler.OnnxSplitter.Verification;
using PartitionCompiler.TestSupport;

namespace PartitionCompiler.OnnxSplitter.Tests.Verification;

/// <summary>
/// The corpus proof: every public model, its weights re-filled with seeded random values, verifies at every single cut
/// (100 seeded random cuts for models over 250 positions) and in 20 seeded random three-device plans, against the
/// original in ONNX Runtime.
/// Single cuts run with plain sessions (each node as written: loads several times faster and results exact), the
/// three-device plans of the branching models with the default sessions applications use (fusions differ at cuts;
/// default tolerance). The fully connected chains (AlexNet, VGG-19, ZFNet-512: 60 to 140 M parameters) use plain
/// sessions for their plans too, because weight prepacking makes each default load of their classifier stage take
/// seconds. The models are split over two classes so that the two halves run in parallel.
/// </summary>
internal static class CorpusVerification
{
    /// <summary>The models whose weights are mostly in fully connected layers (hundreds of MB to load per check).</summary>
    public static readonly string[] FullyConnectedChains = ["light_bvlc_alexnet.onnx", "light_vgg19.onnx", "light_zfnet512.onnx"];

    public static TheoryData<string> Models(bool chains)
    {
        var data = new TheoryData<string>();
        foreach (string file in Corpus.ModelFiles.Where(f => FullyConnectedChains.Contains(f) == chains))
        {
            data.Add(file);
        }

        return data;
    }

    public static void Run(string file, ITestOutputHelper output)
    {
        var sweep = new CorpusSweep(file, output);

        var cuts = sweep.SingleCuts();
        Assert.Equal(sweep.Positions <= CorpusSweep.ExhaustiveLimit ? sweep.Positions - 1 : CorpusSweep.SampledCuts, cuts.Count);
        sweep.Check([.. cuts.Select(c => new[] { c })], new VerificationOptions { Runs = 1, Sessions = SessionProfile.Plain }, "single cuts");
        var profile = FullyConnectedChains.Contains(file) ? SessionProfile.Plain : SessionProfile.Default;
        sweep.Check(sweep.ThreeDeviceCuts(), new VerificationOptions { Runs = 1, Sessions = profile }, "three-device plans");
    }
}
