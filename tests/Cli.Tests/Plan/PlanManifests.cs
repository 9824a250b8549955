using System.Globalization;

namespace PartitionCompiler.Cli.Tests.Plan;

/// <summary>Device manifests for the <c>partc plan</c> tests.</summary>
internal static class PlanManifests
{
    /// <summary>
    /// The glasses / phone / cloud rig of the golden plans: weak glasses with 8 MiB, a phone with 100 MiB (less than
    /// ResNet-50's 102 MB of weights, so its memory binds), a fast cloud without a limit; 20 Mbit/s links, the cloud
    /// 30 ms away; inputs appear on the glasses, results are needed there.
    /// </summary>
    public static string Rig(string model, string phoneMemory = "100 MiB", string glassesMemory = "8 MiB") => $$"""
        {
          // glasses / phone / cloud, results shown on the glasses
          "model": "{{model}}",
          "objective": "latency",
          "alternatives": 5,
          "devices": [
            { "name": "glasses", "compute": "2 GFLOP/s", "memory": "{{glassesMemory}}", "power": "1.5 W" },
            { "name": "phone", "compute": "40 GFLOP/s", "memory": "{{phoneMemory}}", "power": "3 W" },
            { "name": "cloud", "compute": "100 GFLOP/s", "power": "50 W" }
          ],
          "links": [
            { "from": "glasses", "to": "phone", "bandwidth": "20 Mbit/s", "latency": "3 ms", "power": "0.3 W", "bidirectional": true },
            { "from": "phone", "to": "cloud", "bandwidth": "20 Mbit/s", "latency": "30 ms", "power": "0.5 W", "bidirectional": true }
          ],
          "source": "glasses",
          "sink": "glasses"
        }

        """;

    /// <summary>
    /// Three devices for small generated models: the glasses are so slow that work moves to the phone and the cloud,
    /// and the links are fast enough that splitting pays.
    /// </summary>
    public static string ThreeDevices(string? model = "model.onnx", string extra = "", string glassesMemory = "1 GiB") => $$"""
        {
          {{(model is null ? "" : $"\"model\": \"{model}\",")}}
          {{extra}}
          "devices": [
            { "name": "glasses", "compute": "1 MFLOP/s", "memory": "{{glassesMemory}}", "power": "1 W" },
            { "name": "phone", "compute": "1 GFLOP/s", "memory": "1 GiB", "power": "2 W" },
            { "name": "cloud", "compute": "100 GFLOP/s", "power": "20 W" }
          ],
          "links": [
            { "from": "glasses", "to": "phone", "bandwidth": "1 Gbit/s", "latency": "1 ms", "bidirectional": true },
            { "from": "phone", "to": "cloud", "bandwidth": "1 Gbit/s", "latency": "1 ms", "bidirectional": true }
          ],
          "source": "glasses"
        }

        """;

    /// <summary>One device with the given memory (bytes) and a profile file, if any.</summary>
    public static string OneDevice(string model, long? memoryBytes = null, string? profile = null) => $$"""
        {
          "model": "{{model}}",
          "devices": [
            { "name": "solo", "compute": "1 GFLOP/s"{{(memoryBytes is long m ? ", \"memory\": " + m.ToString(CultureInfo.InvariantCulture) : "")}}{{(profile is null ? "" : $", \"profile\": \"{profile}\"")}} }
          ]
        }

        """;
}
