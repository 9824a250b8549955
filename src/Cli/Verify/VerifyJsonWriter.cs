using System.Text.Json;
using PartitionCompiler.OnnxSplitter.Verification;

namespace PartitionCompiler.Cli.Verify;

/// <summary>
/// Writes <c>partc verify --json</c>: <c>{ "plan", "passed", "runs", "seed", "rtol", "atol", "tensors", "timings" }</c>,
/// one object per compared tensor and the load and run times of the original and of every stage (docs/verify.md).
/// Errors that are not finite are written as <c>null</c>.
/// </summary>
internal static class VerifyJsonWriter
{
    public static void Write(VerificationReport report, string planPath, CliConsole console)
    {
        JsonOutput.Write(console, json =>
        {
            json.WriteStartObject();
            json.WriteString("plan", planPath.Replace('\\', '/'));
            json.WriteBoolean("passed", report.Passed);
            json.WriteNumber("runs", report.Options.Runs);
            json.WriteNumber("seed", report.Options.Seed);
            json.WriteNumber("rtol", report.Options.Rtol);
            json.WriteNumber("atol", report.Options.Atol);
            json.WriteStartArray("tensors");
            foreach (var check in report.Tensors)
            {
                json.WriteStartObject();
                json.WriteString("name", check.Name);
                json.WriteNumber("fromStage", check.FromStage);
                json.WriteStartArray("to");
                foreach (int stage in check.ToStages)
                {
                    json.WriteNumberValue(stage);
                }

                if (check.IsGraphOutput)
                {
                    json.WriteStringValue("output");
                }

                json.WriteEndArray();
                json.WriteString("type", check.Type);
                Finite(json, "maxAbs", check.MaxAbs);
                Finite(json, "maxRel", check.MaxRel);
                Finite(json, "maxRef", check.MaxRef);
                json.WriteBoolean("passed", check.Passed);
                if (check.Problem is { } problem)
                {
                    json.WriteString("problem", problem);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("timings");
            json.WriteStartObject("original");
            json.WriteNumber("loadMs", Math.Round(report.Original.LoadMs, 3));
            json.WriteNumber("runMs", Math.Round(report.Original.RunMs, 3));
            json.WriteEndObject();
            json.WriteStartArray("stages");
            foreach (var stage in report.Stages)
            {
                json.WriteStartObject();
                json.WriteNumber("index", stage.Stage);
                json.WriteString("device", stage.Device);
                json.WriteNumber("loadMs", Math.Round(stage.LoadMs, 3));
                json.WriteNumber("runMs", Math.Round(stage.RunMs, 3));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    /// <summary>A number, or null where it is not finite (JSON has no infinity).</summary>
    private static void Finite(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
