namespace PartitionCompiler.TestSupport;
public static class Placeholder { }
