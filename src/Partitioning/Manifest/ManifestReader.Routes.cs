using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest.Json;

namespace PartitionCompiler.Partitioning.Manifest;

internal sealed partial class ManifestReader
{
    /// <summary>
    /// Checks that the sink (and the fused server) can be reached over the directed links, and warns about devices the
    /// source can never send data to.
    /// </summary>
    private void CheckRoutes(JsonObjectReader manifest, DeviceTable devices, List<LinkSpec> links, string source, string? sink, FusedOptions? fused)
    {
        var fromSource = Reachable(source, links);
        if (sink is not null && !fromSource.Contains(sink))
        {
            _diagnostics.Add(DiagnosticCatalog.ManifestNoRoute, manifest.Get("sink", false)!.Location, manifest.PathOf("sink"), source, sink);
        }

        if (fused is not null && !Reachable(fused.EndDevice, links).Contains(fused.Server))
        {
            _diagnostics.Add(DiagnosticCatalog.ManifestNoRoute, fused.Location, manifest.PathOf("fused"), fused.EndDevice, fused.Server);
        }

        for (int i = 0; i < devices.Specs.Count; i++)
        {
            var device = devices.Specs[i];
            if (!fromSource.Contains(device.Name))
            {
                _diagnostics.Add(DiagnosticCatalog.ManifestUnreachableDevice, device.Location, JsonPathText.Index(manifest.PathOf("devices"), i), device.Name, source);
            }
        }
    }

    /// <summary>The devices reachable from <paramref name="start"/> (itself included), by breadth-first search.</summary>
    internal static HashSet<string> Reachable(string start, IReadOnlyList<LinkSpec> links)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            string at = queue.Dequeue();
            foreach (var link in links)
            {
                if (string.Equals(link.From, at, StringComparison.Ordinal) && seen.Add(link.To))
                {
                    queue.Enqueue(link.To);
                }
            }
        }

        return seen;
    }
}
