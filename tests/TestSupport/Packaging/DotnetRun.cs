namespace PartitionCompiler.TestSupport.Packaging;

/// <summary>A finished <c>dotnet</c> run.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Output">Its stdout and stderr, interleaved, with <c>\n</c> line ends.</param>
/// <param name="Command">The command line, for messages.</param>
/// <param name="Elapsed">Wall time from start to exit.</param>
public sealed record DotnetRun(int ExitCode, string Output, string Command, TimeSpan Elapsed);
