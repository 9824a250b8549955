namespace GlassesPhoneCloud;

/// <summary>The sample's modes.</summary>
internal enum SampleMode
{
    /// <summary>All stages in this process (the default).</summary>
    InProcess,

    /// <summary>One device's stage behind a gRPC server.</summary>
    Serve,

    /// <summary>The glasses: runs the first stage and sends frames to the phone's server.</summary>
    Client,

    /// <summary>Prints the usage.</summary>
    Help,
}
