using PartitionCompiler.TestSupport;

namespace PartitionCompiler.OnnxSplitter.Tests.Samples;

/// <summary>
/// The model files the samples ship are exactly what <see cref="SampleModels"/> builds. After an intended change to a
/// recipe, run these tests with <c>PARTITIONCOMPILER_UPDATE_GOLDEN=1</c> to rewrite the files, then rebuild the sample
/// (its plan changes with the model) and commit both.
/// </summary>
public sealed class SampleModelFileTests
{
    private const string UpdateVariable = "PARTITIONCOMPILER_UPDATE_GOLDEN";

    [Fact]
    public void Scene_model_of_the_GlassesPhoneCloud_sample_is_byte_identical_to_its_recipe()
    {
        string path = RepositoryFiles.PathOf(SampleModels.ScenePath);
        byte[] built = SampleModels.Scene().ToBytes();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllBytes(path, built);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with {UpdateVariable}=1 to write it");
        byte[] checkedIn = File.ReadAllBytes(path);
        Assert.True(built.AsSpan().SequenceEqual(checkedIn),
            $"{SampleModels.ScenePath} ({checkedIn.Length} bytes) differs from SampleModels.Scene() ({built.Length} bytes); "
            + $"if the recipe changed on purpose, run the tests with {UpdateVariable}=1, rebuild the sample and commit both");
        Assert.InRange(checkedIn.Length, 1, 1024 * 1024);
    }

    [Fact]
    public void Scene_model_is_the_same_bytes_every_time_it_is_built() =>
        Assert.Equal(SampleModels.Scene().ToBytes(), SampleModels.Scene().ToBytes());
}
