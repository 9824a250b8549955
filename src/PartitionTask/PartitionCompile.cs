namespace PartitionCompiler.Tasks;

internal static class PartitionCompile
{
}
