using System.Collections.Concurrent;

namespace PartitionCompiler.TestSupport;

/// <summary>
/// The generated models that whole-model tests sweep (schema round trip, reader, agreement with ONNX Runtime,
/// <c>inspect</c>), by name. Bytes are built once per test run.
/// </summary>
public static class GeneratedModelCatalog
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Cache = new(StringComparer.Ordinal);

    private static readonly (string Name, Func<OnnxModelBuilder> Create)[] Entries =
    [
        ("alexnet", () => ModelRecipes.AlexNet()),
        ("alexnet_light", () => ModelRecipes.AlexNet(WeightStyle.ConstantOfShape).IrVersion(3).Opset(9).InitializersAsInputs()),
        ("squeezenet1_1", () => ModelRecipes.SqueezeNet11()),
        ("squeezenet1_1_constant_nodes", () => ModelRecipes.SqueezeNet11(WeightStyle.ConstantNode)),
        ("residual_block", () => ModelRecipes.ResidualBlock()),
        ("two_branch_concat", () => ModelRecipes.TwoBranchConcat()),
        ("two_branch_concat_typed_fields", () => ModelRecipes.TwoBranchConcat().TypedFields()),
        ("chain_200", () => ModelRecipes.Chain(200)),
        ("with_if", () => ModelRecipes.WithIf()),
        ("with_external_data", () => ModelRecipes.WithExternalData()),
    ];

    /// <summary>Every catalogue name.</summary>
    public static IReadOnlyList<string> Names { get; } = Entries.Select(e => e.Name).ToArray();

    /// <summary>A fresh builder for the named model.</summary>
    public static OnnxModelBuilder Builder(string name) => Entries.Single(e => e.Name == name).Create();

    /// <summary>The model file's bytes (for models with external data: the model file alone, without its data file).</summary>
    public static byte[] Bytes(string name) => Cache.GetOrAdd(name, n => new Lazy<byte[]>(() =>
    {
        using var folder = new TempFolder();
        return File.ReadAllBytes(Builder(n).WriteTo(folder.File(n + ".onnx")));
    })).Value;

    /// <summary>Writes the named model (and its data file, if any) into <paramref name="folder"/> and returns the model's path.</summary>
    public static string WriteTo(string name, string folder)
    {
        string path = Path.Combine(folder, name + ".onnx");
        if (HasExternalData(name))
        {
            return Builder(name).WriteTo(path);
        }

        File.WriteAllBytes(path, Bytes(name));
        return path;
    }

    /// <summary>True for models whose weights live in a data file beside the model (they are rebuilt on every write).</summary>
    public static bool HasExternalData(string name) => name == "with_external_data";
}
