namespace PartitionCompiler.OnnxSplitter;
internal static class Placeholder { }
