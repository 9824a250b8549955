using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PartitionCompiler.Tasks;

/// <summary>
/// Runs <c>partc plan</c> for one <c>PartitionModel</c> item, out of process:
/// <c>dotnet exec &lt;cli&gt; plan &lt;manifest&gt; --model ... --plan ... --stages ... --generated ...
/// --namespace ... --class-name ... --mode update|locked --outputs-list ... [--verify]</c>.
/// </summary>
/// <remarks>
/// The targets compute every path (absolute) and pass them in; the task checks them, builds the command line and
/// turns the CLI's canonical diagnostic lines (<c>path(line,col): error PCxxxx: text</c>, on stdout or stderr) into
/// real MSBuild errors and warnings. The CLI exits 1 after reporting its errors, so ToolTask's generic
/// "exited with code" error never appears; if the CLI fails without reporting anything, the task says so with its
/// own code (PC0099) instead.
/// </remarks>
public sealed class PartitionCompile : ToolTask
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The CLI assembly, <c>PartitionCompiler.Cli.dll</c>, that <c>dotnet exec</c> runs.</summary>
    public string CliPath { get; set; } = "";

    /// <summary>The <c>dotnet</c> host to use (<c>$(DOTNET_HOST_PATH)</c>); empty: <c>dotnet</c> on the PATH.</summary>
    public string? DotnetHostPath { get; set; }

    /// <summary>The project file, named by the task's own errors.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>The model file (the <c>PartitionModel</c> item), absolute.</summary>
    public string Model { get; set; } = "";

    /// <summary>The device manifest, absolute; empty when the item has no <c>Manifest</c> metadata.</summary>
    public string Manifest { get; set; } = "";

    /// <summary>The plan file, absolute.</summary>
    public string Plan { get; set; } = "";

    /// <summary>The partitions root the stage files are written under (<c>&lt;device&gt;/&lt;file&gt;</c>).</summary>
    public string Stages { get; set; } = "";

    /// <summary>The folder for generated C#.</summary>
    public string Generated { get; set; } = "";

    /// <summary>The namespace of the generated code.</summary>
    public string Namespace { get; set; } = "";

    /// <summary>The plan class name; empty: PascalCase(model file stem) + <c>Plan</c>.</summary>
    public string? ClassName { get; set; }

    /// <summary><c>Update</c> or <c>Locked</c> (case-insensitive).</summary>
    public string Mode { get; set; } = "Update";

    /// <summary>Where the CLI writes its list of outputs (<c>kind&lt;TAB&gt;absolute path</c> per line).</summary>
    public string OutputsList { get; set; } = "";

    /// <summary>Also run the ONNX Runtime proof.</summary>
    public bool Verify { get; set; }

    protected override string ToolName =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";

    protected override Encoding StandardOutputEncoding => Utf8;

    protected override Encoding StandardErrorEncoding => Utf8;

    public override bool Execute()
    {
        // Plain text in the build log: no colours or cursor movement from the CLI's console library.
        EnvironmentVariables = [.. EnvironmentVariables ?? [], "NO_COLOR=1"];
        if (!base.Execute())
        {
            return false;
        }

        if (!File.Exists(OutputsList))
        {
            Log.LogError(null, TaskCodes.CliFailed, null, ProjectFile, 0, 0, 0, 0,
                $"partc finished without writing its outputs list '{OutputsList}'; the CLI at '{CliPath}' does not implement the 'plan' command this package expects (clear PartitionCompilerCliPath to use the package's own CLI)");
            return false;
        }

        return true;
    }

    protected override string GenerateFullPathToTool() =>
        string.IsNullOrEmpty(DotnetHostPath) ? ToolName : DotnetHostPath!;

    protected override bool ValidateParameters()
    {
        bool ok = true;
        void Fail(string code, string message)
        {
            Log.LogError(null, code, null, ProjectFile, 0, 0, 0, 0, message);
            ok = false;
        }

        string item = string.IsNullOrEmpty(Model) ? "(unnamed)" : Path.GetFileName(Model);
        if (string.IsNullOrEmpty(Manifest))
        {
            Fail(TaskCodes.MissingManifestMetadata,
                $"PartitionModel '{item}' has no Manifest metadata; name its device manifest on the item, e.g. Manifest=\"{Path.GetFileNameWithoutExtension(item)}.devices.json\"");
        }
        else if (!File.Exists(Manifest))
        {
            Fail(TaskCodes.ManifestNotFound,
                $"the device manifest '{Manifest}' of PartitionModel '{item}' does not exist; fix the item's Manifest metadata (relative paths are relative to the project folder) or create the file");
        }

        if (string.IsNullOrEmpty(Model) || !File.Exists(Model))
        {
            Fail(TaskCodes.ModelNotFound,
                $"the model '{Model}' named by a PartitionModel item does not exist; fix the item's Include (relative paths are relative to the project folder)");
        }

        if (string.IsNullOrEmpty(CliPath) || !File.Exists(CliPath))
        {
            Fail(TaskCodes.CliNotFound,
                $"the partc CLI was not found at '{CliPath}'; the PartitionCompiler package is incomplete or PartitionCompilerCliPath points to the wrong file (clear it to use the package's CLI)");
        }

        if (NormalizedMode() is null)
        {
            Fail(TaskCodes.InvalidPlanMode,
                $"PartitionPlanMode is '{Mode}'; use Update (rewrite the plan when it changes) or Locked (fail when the solved plan differs from the checked-in one)");
        }

        string className = EffectiveClassName();
        if (!CSharpNames.IsIdentifier(className))
        {
            Fail(TaskCodes.InvalidClassName,
                $"the class name '{className}' of PartitionModel '{item}' is not a C# identifier; set the item's ClassName metadata to one (letters, digits and '_', not starting with a digit, not a keyword)");
        }

        if (!CSharpNames.IsNamespace(Namespace))
        {
            Fail(TaskCodes.InvalidNamespace,
                $"the namespace '{Namespace}' of PartitionModel '{item}' is not a C# namespace; set the item's Namespace metadata (or RootNamespace) to dot-separated identifiers");
        }

        // The plan path comes from the manifest's: without a manifest, PC0090 above already says what to do.
        foreach ((string name, string value) in new[]
        {
            ("Plan", string.IsNullOrEmpty(Manifest) ? "-" : Plan), ("Stages", Stages), ("Generated", Generated), ("OutputsList", OutputsList),
        })
        {
            if (string.IsNullOrEmpty(value))
            {
                Fail(TaskCodes.MissingManifestMetadata, $"the PartitionCompile task needs its {name} parameter; the PartitionCompiler targets pass it, so a custom invocation of the task is missing it");
            }
        }

        return ok;
    }

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder(quoteHyphensOnCommandLine: false, useNewLineSeparator: false);
        builder.AppendSwitch("exec");
        builder.AppendFileNameIfNotNull(CliPath);
        builder.AppendSwitch("plan");
        builder.AppendFileNameIfNotNull(Manifest);
        builder.AppendSwitchIfNotNull("--model ", Model);
        builder.AppendSwitchIfNotNull("--plan ", Plan);
        builder.AppendSwitchIfNotNull("--stages ", TrimSeparators(Stages));
        builder.AppendSwitchIfNotNull("--generated ", TrimSeparators(Generated));
        builder.AppendSwitchIfNotNull("--namespace ", Namespace);
        builder.AppendSwitchIfNotNull("--class-name ", EffectiveClassName());
        builder.AppendSwitchIfNotNull("--mode ", NormalizedMode() ?? "update");
        builder.AppendSwitchIfNotNull("--outputs-list ", OutputsList);
        if (Verify)
        {
            builder.AppendSwitch("--verify");
        }

        return builder.ToString();
    }

    protected override bool HandleTaskExecutionErrors()
    {
        if (!Log.HasLoggedErrors)
        {
            Log.LogError(null, TaskCodes.CliFailed, null, ProjectFile, 0, 0, 0, 0,
                $"partc exited with code {ExitCode} without reporting an error; run the command shown above (build with -v:n to see it) by hand to see its output, and report it if it keeps failing");
        }

        return false;
    }

    private string EffectiveClassName() =>
        string.IsNullOrEmpty(ClassName) ? CSharpNames.DefaultClassName(Path.GetFileNameWithoutExtension(Model)) : ClassName!;

    private string? NormalizedMode() =>
        string.Equals(Mode, "Update", StringComparison.OrdinalIgnoreCase) ? "update"
        : string.Equals(Mode, "Locked", StringComparison.OrdinalIgnoreCase) ? "locked"
        : null;

    // A quoted Windows argument ending in a backslash would escape its closing quote.
    private static string TrimSeparators(string path) =>
        path.Length > 1 ? path.TrimEnd('/', '\\') : path;
}
