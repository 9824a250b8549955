using PartitionCompiler.Runtime.Tensors;

namespace GlassesPhoneCloud;

/// <summary>Stand-ins for the glasses' camera frames: seeded, so every process makes the same frame for the same seed.</summary>
internal static class SceneInput
{
    /// <summary>The model's input.</summary>
    public const string Name = "image";

    /// <summary>The input's shape: one RGB frame of 128x128 pixels.</summary>
    public static readonly long[] Shape = [1, 3, 128, 128];

    /// <summary>A frame of pixel values in [0, 1).</summary>
    public static NamedTensor Frame(int seed)
    {
        var random = new Random(seed);
        var pixels = new float[3 * 128 * 128];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = random.NextSingle();
        }

        return NamedTensor.Create(Name, pixels, Shape);
    }
}
