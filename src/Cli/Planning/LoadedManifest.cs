using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Cli.Planning;

/// <summary>
/// A manifest read for planning, with the command line's overrides applied (<c>--input</c> pins merged into
/// <see cref="DeviceManifest.Inputs"/>, <c>--strategy</c> into <see cref="DeviceManifest.Strategy"/>).
/// </summary>
/// <param name="Path">The manifest as the user named it (diagnostics point there).</param>
/// <param name="Sha256">The plan's <c>manifestSha256</c>: of the file's bytes after CRLF -&gt; LF.</param>
/// <param name="ModelPath">The model: <c>--model</c> as given, else the manifest's <c>model</c> resolved against its folder.</param>
/// <param name="Bytes">The file's bytes (to point at the line of a property the manifest model does not locate).</param>
internal sealed record LoadedManifest(string Path, DeviceManifest Manifest, string Sha256, string ModelPath, byte[] Bytes);
