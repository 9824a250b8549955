namespace PartitionCompiler.Codegen;
internal static class Placeholder { }
