using PartitionCompiler.OnnxSplitter.SubModels;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.TestSupport.Partitions;

/// <summary>Writes built stages to a folder the way <c>partc plan</c> lays them out.</summary>
public static class StageFiles
{
    /// <summary>Writes the stage files (and their data files) under <paramref name="root"/> and returns the plan with their hashes.</summary>
    public static PartitionPlan Write(SubModelSet set, PartitionPlan plan, string root)
    {
        foreach (var stage in set.Stages)
        {
            string path = Path.Combine(root, stage.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var file = File.Create(path))
            {
                stage.WriteTo(file);
            }

            if (stage.Data is { } data)
            {
                using var dataFile = File.Create(Path.Combine(root, data.RelativePath));
                data.WriteTo(dataFile);
            }
        }

        return set.ApplyTo(plan);
    }
}
