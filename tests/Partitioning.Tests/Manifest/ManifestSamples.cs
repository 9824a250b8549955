namespace PartitionCompiler.Partitioning.Tests.Manifest;

/// <summary>Manifests the tests share, and a helper that finds where a token is written.</summary>
internal static class ManifestSamples
{
    /// <summary>The glasses/phone/cloud example of DESIGN.md section 4, comments included.</summary>
    public const string Design = """
        {
          "model": "models/detector.onnx",          // optional when the MSBuild item names it
          "inputs": { "images": [1, 3, 416, 416] }, // pins dynamic dims
          "strategy": "auto",                        // auto | ksp | fused
          "objective": "latency",                    // latency | energy | { "latency": 1.0, "energy": 0.5 }
          "alternatives": 5,                         // K plans kept in the plan file
          "devices": [
            { "name": "glasses", "compute": "2.23e8 FLOP/s", "memory": "256 MiB", "power": "1.5 W" },
            { "name": "phone",   "compute": "40 GFLOP/s", "memory": "4 GiB", "power": "3 W",
              "profile": "profiles/phone.profile.json" },
            { "name": "cloud",   "compute": "4.32e9 FLOP/s" }
          ],
          "links": [
            { "from": "glasses", "to": "phone", "bandwidth": "20 Mbit/s", "latency": "3 ms", "power": "0.3 W" },
            { "from": "phone", "to": "cloud",
              "channel": { "bandwidth": "5 MHz", "txPower": "0.1 W", "gain": 1e-6, "noise": 1e-9 } }
          ],
          "source": "glasses",                       // where the input appears (default: first device)
          "sink": "cloud",                           // where the output is needed (default: wherever the plan ends)
          "fused": { "endDevice": "glasses", "server": "cloud", "maxPaths": 64, "solver": "mw" } // mw | bf | best
        }
        """;

    /// <summary>The smallest valid manifest: one device.</summary>
    public const string Minimal = """
        { "devices": [ { "name": "cpu", "compute": 1e9 } ] }
        """;

    /// <summary>Two devices and one link, for tests that change one thing.</summary>
    public const string TwoDevices = """
        {
          "devices": [
            { "name": "a", "compute": "1 GFLOP/s" },
            { "name": "b", "compute": "2 GFLOP/s" }
          ],
          "links": [ { "from": "a", "to": "b", "bandwidth": "10 MB/s" } ]
        }
        """;

    public const string ChannelWithOwnPower = """
        {
          "devices": [ { "name": "a", "compute": 1 }, { "name": "b", "compute": 1 } ],
          "links": [ { "from": "a", "to": "b", "power": "2 W",
                       "channel": { "bandwidth": 1e6, "txPower": "100 mW", "gain": 1, "noise": "1 W" } } ]
        }
        """;

    public const string PlainNumbers = """
        {
          "devices": [ { "name": "a", "compute": 2e9, "memory": 1048576, "power": 0 }, { "name": "b", "compute": 1 } ],
          "links": [ { "from": "a", "to": "b", "bandwidth": 1000, "latency": 0.002, "power": 0.5 } ]
        }
        """;

    public const string Bidirectional = """
        {
          "devices": [ { "name": "a", "compute": 1 }, { "name": "b", "compute": 1 }, { "name": "c", "compute": 1 } ],
          "links": [
            { "from": "a", "to": "b", "bandwidth": "1 MB/s", "bidirectional": true },
            { "from": "b", "to": "c", "bandwidth": "2 MB/s", "bidirectional": false }
          ]
        }
        """;

    public const string Fused = """
        {
          "strategy": "fused",
          "devices": [ { "name": "end", "compute": 1 }, { "name": "edge", "compute": 1 } ],
          "links": [ { "from": "end", "to": "edge", "bandwidth": "3 MB/s" } ],
          "fused": { "endDevice": "end", "server": "edge" }
        }
        """;

    public const string SchemaAndPins = """
        {
          "$schema": "../schemas/partition-manifest.schema.json",
          "inputs": { "input.1": [1, 3, 224, 224], "mask": [1, 77] },
          "devices": [ { "name": "a", "compute": 1 } ]
        }
        """;

    public const string Weighted = """
        {
          "objective": { "latency": 1.0, "energy": 0.5 },
          "alternatives": 3,
          "devices": [ { "name": "a", "compute": "1 TFLOPS", "memory": "512 kB", "power": "300 mW" },
                       { "name": "b", "compute": 2.5e9 } ],
          "links": [ { "from": "a", "to": "b", "bandwidth": "1 Gbps", "latency": "250 us", "bidirectional": true } ],
          "sink": "b"
        }
        """;

    /// <summary>Every sample that parses without diagnostics, by name: the schema must accept each of them.</summary>
    public static IReadOnlyDictionary<string, string> Accepted { get; } = new Dictionary<string, string>
    {
        [nameof(Design)] = Design,
        [nameof(Minimal)] = Minimal,
        [nameof(TwoDevices)] = TwoDevices,
        [nameof(ChannelWithOwnPower)] = ChannelWithOwnPower,
        [nameof(PlainNumbers)] = PlainNumbers,
        [nameof(Bidirectional)] = Bidirectional,
        [nameof(Fused)] = Fused,
        [nameof(SchemaAndPins)] = SchemaAndPins,
        [nameof(Weighted)] = Weighted,
    };

    public static TheoryData<string> AcceptedNames => new(Accepted.Keys.Order(StringComparer.Ordinal));

    /// <summary>
    /// The 1-based line and column (in UTF-16 code units, which equal characters for the ASCII and BMP text used here)
    /// of the <paramref name="occurrence"/>-th appearance of <paramref name="token"/> in <paramref name="text"/>.
    /// </summary>
    public static (int Line, int Column) Find(string text, string token, int occurrence = 1)
    {
        int index = -1;
        for (int n = 0; n < occurrence; n++)
        {
            index = text.IndexOf(token, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"token {token} (occurrence {occurrence}) not in the sample");
        }

        int line = 1, lineStart = 0;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
