namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>
/// A wireless channel whose rate follows Shannon's formula as the MW paper uses it:
/// R = B * log2(1 + Q * G / N0) bit/s.
/// </summary>
public sealed record ChannelSpec(double BandwidthHz, double TxPowerWatts, double Gain, double Noise)
{
    /// <summary>The channel's data rate in bytes per second.</summary>
    public double BytesPerSecond => BandwidthHz * Math.Log2(1 + TxPowerWatts * Gain / Noise) / 8.0;
}
