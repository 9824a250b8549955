namespace PartitionCompiler.OnnxSplitter.Tests.Verification;

/// <summary>AlexNet, VGG-19 and ZFNet-512: see <see cref="CorpusVerification"/>.</summary>
public sealed class CorpusChainVerificationTests(ITestOutputHelper output)
{
    public static TheoryData<string> ChainModels => CorpusVerification.Models(chains: true);

    [Theory]
    [MemberData(nameof(ChainModels))]
    public void Every_single_cut_and_twenty_three_device_plans_compute_the_original(string file) => CorpusVerification.Run(file, output);
}
