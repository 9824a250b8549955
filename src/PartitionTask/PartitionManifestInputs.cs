using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PartitionCompiler.Tasks;

/// <summary>
/// Finds the extra input files each model's device manifest names (the devices' <c>"profile"</c> files), so that the
/// partition target re-runs when a profile changes. Returns the models with <c>ExtraInputs</c> metadata: the
/// existing profile files, absolute, joined by <c>;</c>. Profile paths are relative to the manifest's folder. A
/// manifest it cannot read yields nothing: the CLI reports manifest problems, with their lines, when it runs.
/// </summary>
public sealed class PartitionManifestInputs : Microsoft.Build.Utilities.Task
{
    /// <summary>The models, with <c>ManifestFullPath</c> metadata.</summary>
    public ITaskItem[] Models { get; set; } = [];

    /// <summary>Copies of <see cref="Models"/> with <c>ExtraInputs</c> metadata.</summary>
    [Output]
    public ITaskItem[] Result { get; private set; } = [];

    public override bool Execute()
    {
        Result = [.. Models.Select(model =>
        {
            var copy = new TaskItem(model);
            copy.SetMetadata("ExtraInputs", string.Join(";", ProfilesOf(model.GetMetadata("ManifestFullPath"))));
            return (ITaskItem)copy;
        })];
        return true;
    }

    /// <summary>The existing profile files the manifest names, absolute, in the manifest's order, each once.</summary>
    internal static IReadOnlyList<string> ProfilesOf(string manifest)
    {
        var files = new List<string>();
        if (string.IsNullOrEmpty(manifest) || !File.Exists(manifest))
        {
            return files;
        }

        string text;
        try
        {
            text = File.ReadAllText(manifest, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return files;
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(manifest)) ?? "";
        foreach (string relative in JsoncStrings.ValuesOfProperty(text, "profile"))
        {
            string full;
            try
            {
                full = Path.GetFullPath(Path.Combine(folder, relative));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                continue;
            }

            if (File.Exists(full) && !files.Contains(full))
            {
                files.Add(full);
            }
        }

        return files;
    }
}
