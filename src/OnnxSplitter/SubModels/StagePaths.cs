using System.Globalization;

namespace PartitionCompiler.OnnxSplitter.SubModels;

/// <summary>
/// Stage file names (DESIGN.md section 5): <c>&lt;device&gt;/&lt;model stem&gt;.stage&lt;N&gt;.onnx</c> relative to the
/// partitions root, and the checks that keep a plan's paths inside that root on every operating system.
/// </summary>
internal static class StagePaths
{
    /// <summary>Characters that Windows, macOS or Linux refuse (or treat specially) in a file or folder name.</summary>
    private static readonly System.Buffers.SearchValues<char> ForbiddenCharacters = System.Buffers.SearchValues.Create("/\\:*?\"<>|");

    /// <summary>Names Windows reserves for devices, with or without an extension.</summary>
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The default relative path of a stage file.</summary>
    public static string Default(string device, string modelStem, int stageIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"{device}/{modelStem}.stage{stageIndex}.onnx");

    /// <summary>The model file's name without its folder and last extension: <c>models/detector.onnx</c> -&gt; <c>detector</c>.</summary>
    public static string ModelStem(string modelPath)
    {
        string name = modelPath[(modelPath.LastIndexOfAny(['/', '\\']) + 1)..];
        int dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    /// <summary>Why <paramref name="segment"/> cannot be one file or folder name, or null when it can.</summary>
    public static string? SegmentProblem(string segment)
    {
        if (segment.Length == 0)
        {
            return "it is empty";
        }

        if (segment is "." or "..")
        {
            return "it names the current or the parent folder";
        }

        if (segment.AsSpan().ContainsAny(ForbiddenCharacters))
        {
            return "it contains one of / \\ : * ? \" < > |";
        }

        if (segment.Any(char.IsControl))
        {
            return "it contains a control character";
        }

        if (segment.EndsWith(' ') || segment.EndsWith('.'))
        {
            return "it ends with a space or a dot";
        }

        int dot = segment.IndexOf('.', StringComparison.Ordinal);
        if (ReservedNames.Contains(dot < 0 ? segment : segment[..dot]))
        {
            return "Windows reserves that name for a device";
        }

        return null;
    }

    /// <summary>Why <paramref name="path"/> is not a relative path of safe segments joined by <c>/</c> ending in <c>.onnx</c>, or null.</summary>
    public static string? RelativePathProblem(string path)
    {
        if (!path.EndsWith(".onnx", StringComparison.Ordinal))
        {
            return "it does not end with .onnx";
        }

        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':'))
        {
            return "it is not relative";
        }

        foreach (string segment in path.Split('/'))
        {
            if (SegmentProblem(segment) is { } problem)
            {
                return $"its part '{segment}': {problem}";
            }
        }

        return null;
    }
}
