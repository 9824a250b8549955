using System.Security.Cryptography;
using Google.Protobuf;
using PartitionCompiler.OnnxSplitter.Proto;
using PartitionCompiler.Partitioning.Diagnostics;

namespace PartitionCompiler.OnnxSplitter.Reading;

/// <summary>
/// Reads an ONNX model file into an <see cref="OnnxModel"/>. Every problem with the file is a PC0100-PC0109
/// diagnostic; nothing the file contains makes it throw.
/// </summary>
public static class OnnxModelReader
{
    /// <summary>The IR versions this reader accepts (ONNX 1.0 with opset imports through IR 11).</summary>
    public const long MinIrVersion = 3;

    /// <summary>The newest IR version this reader knows.</summary>
    public const long MaxIrVersion = 11;

    /// <summary>Reads the model at <paramref name="path"/>, or returns null after reporting why it cannot be read.</summary>
    public static OnnxModel? Read(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var location = new SourceLocation(path);

        byte[] bytes;
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
            var info = new FileInfo(fullPath);
            if (Directory.Exists(fullPath))
            {
                diagnostics.Add(DiagnosticCatalog.ModelFileUnreadable, location, path, "it is a folder, not a file");
                return null;
            }

            if (!info.Exists)
            {
                diagnostics.Add(DiagnosticCatalog.ModelFileUnreadable, location, path, "the file does not exist");
                return null;
            }

            if (info.Length == 0)
            {
                diagnostics.Add(DiagnosticCatalog.ModelFileEmpty, location, path);
                return null;
            }

            if (info.Length > int.MaxValue)
            {
                diagnostics.Add(DiagnosticCatalog.NotAnOnnxModel, location, path,
                    $"the file has {info.Length} bytes, more than a protobuf message can hold (2 GiB); store the weights as external data (onnx.save_model(..., save_as_external_data=True))");
                return null;
            }

            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(DiagnosticCatalog.ModelFileUnreadable, location, path, e.Message);
            return null;
        }

        if (bytes.Length == 0)
        {
            diagnostics.Add(DiagnosticCatalog.ModelFileEmpty, location, path);
            return null;
        }

        return Read(bytes, path, Path.GetDirectoryName(fullPath) ?? fullPath, diagnostics);
    }

    /// <summary>
    /// Reads a model from bytes already in memory; <paramref name="path"/> names it in diagnostics and
    /// <paramref name="folder"/> is where its external data lives.
    /// </summary>
    public static OnnxModel? Read(byte[] bytes, string path, string folder, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var location = new SourceLocation(path);
        if (bytes.Length == 0)
        {
            diagnostics.Add(DiagnosticCatalog.ModelFileEmpty, location, path);
            return null;
        }

        var structure = ModelFileStructure.Check(bytes);
        switch (structure.Verdict)
        {
            case ModelFileStructure.Verdict.Truncated:
                diagnostics.Add(DiagnosticCatalog.ModelFileTruncated, location, path, structure.Reason, bytes.Length);
                return null;
            case ModelFileStructure.Verdict.NotAModel:
                diagnostics.Add(DiagnosticCatalog.NotAnOnnxModel, location, path, structure.Reason);
                return null;
            default:
                break;
        }

        ModelProto proto;
        try
        {
            proto = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            diagnostics.Add(DiagnosticCatalog.NotAnOnnxModel, location, path, $"its protobuf content is corrupt ({e.Message.TrimEnd('.')})");
            return null;
        }

        if (!proto.HasIrVersion || proto.IrVersion < MinIrVersion || proto.IrVersion > MaxIrVersion)
        {
            diagnostics.Add(DiagnosticCatalog.UnsupportedIrVersion, location, proto.HasIrVersion ? proto.IrVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) : "missing",
                MinIrVersion, MaxIrVersion);
            return null;
        }

        if (proto.Graph is null)
        {
            diagnostics.Add(DiagnosticCatalog.ModelWithoutGraph, location);
            return null;
        }

        var tensors = new TensorImporter(new ExternalDataFolder(folder), location, diagnostics);
        var spec = ModelImporter.Import(proto, tensors, diagnostics);
        if (spec is null)
        {
            return null;
        }

        string sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new OnnxModel(path, Path.GetFullPath(folder), sha256, bytes.LongLength, proto, spec);
    }
}
