namespace PartitionCompiler.Runtime;
internal static class Placeholder { }
