using System.Text.Json;
using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Manifest.Json;

namespace PartitionCompiler.Partitioning.Manifest;

internal sealed partial class ManifestReader
{
    private List<LinkSpec> ReadLinks(JsonObjectReader manifest, DeviceTable devices)
    {
        var links = new List<LinkSpec>();
        var array = manifest.GetArray("links", required: false);
        if (array is null)
        {
            return links;
        }

        string arrayPath = manifest.PathOf("links");
        var firstPathOf = new Dictionary<(string From, string To), string>();
        for (int i = 0; i < array.Items.Count; i++)
        {
            var item = array.Items[i];
            string path = JsonPathText.Index(arrayPath, i);
            if (item.Kind != JsonValueKind.Object)
            {
                _reporter.WrongType(item, path, "an object (a link)");
                continue;
            }

            int errorsBefore = _diagnostics.ErrorCount;
            var link = new JsonObjectReader(item, path, ManifestPropertyNames.Link, _reporter);
            string? from = link.GetString("from", required: true);
            string? to = link.GetString("to", required: true);
            string linkName = $"{from ?? "?"}->{to ?? "?"}";
            CheckLinkEnd(link, "from", from, linkName, devices);
            CheckLinkEnd(link, "to", to, linkName, devices);
            if (from is not null && string.Equals(from, to, StringComparison.Ordinal))
            {
                _diagnostics.Add(DiagnosticCatalog.ManifestSelfLink, item.Location, path, from);
            }

            bool hasBandwidth = link.Has("bandwidth"), hasChannel = link.Has("channel");
            if (hasBandwidth == hasChannel)
            {
                string problem = hasBandwidth ? "has both 'bandwidth' and 'channel'" : "has neither 'bandwidth' nor 'channel'";
                _diagnostics.Add(DiagnosticCatalog.ManifestLinkRate, item.Location, path, linkName, problem);
            }

            double? rate = hasBandwidth && !hasChannel
                ? ReadQuantity(link, "bandwidth", QuantityKind.DataRate, QuantityRange.Positive, required: true)
                : null;
            ChannelSpec? channel = hasChannel && !hasBandwidth ? ReadChannel(link) : null;
            double latency = ReadQuantity(link, "latency", QuantityKind.Time, QuantityRange.NonNegative, required: false) ?? 0;
            double? power = ReadQuantity(link, "power", QuantityKind.Power, QuantityRange.NonNegative, required: false);
            bool bidirectional = link.GetBoolean("bidirectional", required: false) ?? false;

            if (_diagnostics.ErrorCount != errorsBefore || from is null || to is null || (rate is null && channel is null))
            {
                continue;
            }

            // A channel's transmit power is what the link draws while sending, unless the link states its own power.
            power ??= channel?.TxPowerWatts;
            double bytesPerSecond = rate ?? channel!.BytesPerSecond;
            AddLink(new LinkSpec(from, to, bytesPerSecond, latency, power, channel, item.Location), path, links, firstPathOf);
            if (bidirectional)
            {
                AddLink(new LinkSpec(to, from, bytesPerSecond, latency, power, channel, item.Location), path, links, firstPathOf);
            }
        }

        return links;
    }

    private void AddLink(LinkSpec link, string path, List<LinkSpec> links, Dictionary<(string From, string To), string> firstPathOf)
    {
        if (firstPathOf.TryGetValue((link.From, link.To), out string? firstPath))
        {
            _diagnostics.Add(DiagnosticCatalog.ManifestDuplicateLink, link.Location, path, link.Name, firstPath);
            return;
        }

        firstPathOf.Add((link.From, link.To), path);
        links.Add(link);
    }

    private void CheckLinkEnd(JsonObjectReader link, string property, string? device, string linkName, DeviceTable devices)
    {
        if (device is not null && !devices.Names.Contains(device))
        {
            _diagnostics.Add(DiagnosticCatalog.ManifestLinkUnknownDevice, link.Get(property, false)!.Location, link.PathOf(property), linkName, device, devices.NameList);
        }
    }

    private ChannelSpec? ReadChannel(JsonObjectReader link)
    {
        var value = link.GetObject("channel", required: true);
        if (value is null)
        {
            return null;
        }

        var channel = new JsonObjectReader(value, link.PathOf("channel"), ManifestPropertyNames.Channel, _reporter);
        double? bandwidth = ReadQuantity(channel, "bandwidth", QuantityKind.Frequency, QuantityRange.Positive, required: true);
        double? txPower = ReadQuantity(channel, "txPower", QuantityKind.Power, QuantityRange.Positive, required: true);
        double? gain = ReadPlainNumber(channel, "gain", "a channel gain", QuantityRange.Positive, required: true);
        double? noise = ReadQuantity(channel, "noise", QuantityKind.Power, QuantityRange.Positive, required: true);
        if (bandwidth is null || txPower is null || gain is null || noise is null)
        {
            return null;
        }

        var spec = new ChannelSpec(bandwidth.Value, txPower.Value, gain.Value, noise.Value);
        if (!(spec.BytesPerSecond > 0 && double.IsFinite(spec.BytesPerSecond)))
        {
            // Q*G/N0 so small that log2(1 + x) rounds to 0 (or so large it overflows).
            _diagnostics.Add(DiagnosticCatalog.ManifestQuantityOutOfRange, value.Location, channel.Path, "the channel's Shannon rate", "greater than zero and finite", $"{spec.BytesPerSecond.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} bytes/s");
            return null;
        }

        return spec;
    }
}
