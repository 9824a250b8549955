using Google.Protobuf;
using PartitionCompiler.OnnxSplitter.Proto;

namespace PartitionCompiler.TestSupport;

/// <summary>Edits of written model files that the builder cannot express, for tests of broken models.</summary>
public static class ModelFileEdits
{
    /// <summary>Removes the model's graph (ModelProto.graph), keeping IR version and opsets.</summary>
    public static string RemoveGraph(string path) => Edit(path, model => model.Graph = null);

    private static string Edit(string path, Action<ModelProto> edit)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        edit(model);
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }
}
