namespace PartitionCompiler.Runtime.Grpc;
internal static class Placeholder { }
