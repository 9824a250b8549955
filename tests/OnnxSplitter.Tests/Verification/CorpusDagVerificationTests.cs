namespace PartitionCompiler.OnnxSplitter.Tests.Verification;

/// <summary>The branching models (ResNet, Inception, DenseNet, ShuffleNet, SqueezeNet): see <see cref="CorpusVerification"/>.</summary>
public sealed class CorpusDagVerificationTests(ITestOutputHelper output)
{
    public static TheoryData<string> DagModels => CorpusVerification.Models(chains: false);

    [Theory]
    [MemberData(nameof(DagModels))]
    public void Every_single_cut_and_twenty_three_device_plans_compute_the_original(string file) => CorpusVerification.Run(file, output);
}
