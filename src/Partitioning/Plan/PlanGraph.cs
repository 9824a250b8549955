using PartitionCompiler.Partitioning.Collections;
using PartitionCompiler.Partitioning.Solver;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>
/// The model as the plan builder needs it, with no graph or cost-model objects inside: the positioned nodes in
/// topological order, the tensors that can cross a stage boundary, the graph inputs and outputs, and the weight
/// producers in file order.
/// </summary>
public sealed record PlanGraph(
    EquatableArray<PlanGraphNode> Positions,
    EquatableArray<PlanGraphTensor> Tensors,
    EquatableArray<string> GraphInputs,
    EquatableArray<string> GraphOutputs,
    EquatableArray<string> WeightNodes)
{
    /// <summary>
    /// The n + 1 cuts k = -1..n-1 (DESIGN.md section 3): the tensors produced at or before position k (graph inputs at
    /// -1) and read after it. Graph outputs count as read at the virtual position n, on the sink, so they travel with
    /// every later cut and reach the sink. Tensors are listed by the position that produced them, then by name.
    /// </summary>
    public EquatableArray<ProblemCut> Cuts()
    {
        int n = Positions.Count;
        var producedAt = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string input in GraphInputs)
        {
            producedAt[input] = -1;
        }

        for (int p = 0; p < n; p++)
        {
            foreach (string output in Positions[p].Outputs)
            {
                producedAt[output] = p;
            }
        }

        var lastRead = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int p = 0; p < n; p++)
        {
            foreach (string input in Positions[p].Inputs)
            {
                lastRead[input] = p;
            }
        }

        foreach (string output in GraphOutputs)
        {
            lastRead[output] = n;
        }

        var bytesByName = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var tensor in Tensors)
        {
            bytesByName[tensor.Name] = tensor.Bytes;
        }

        var crossing = producedAt
            .Where(t => lastRead.TryGetValue(t.Key, out int last) && last > t.Value)
            .Select(t => (Name: t.Key, From: t.Value, Last: lastRead[t.Key]))
            .OrderBy(t => t.From)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var names = new List<string>[n + 1];
        var bytes = new long[n + 1];
        foreach (var (name, from, last) in crossing)
        {
            long size = bytesByName.GetValueOrDefault(name);
            for (int k = from; k < last; k++)
            {
                (names[k + 1] ??= []).Add(name);
                bytes[k + 1] += size;
            }
        }

        var cuts = new ProblemCut[n + 1];
        for (int c = 0; c <= n; c++)
        {
            cuts[c] = new ProblemCut(bytes[c], (names[c] ?? []).ToEquatableArray());
        }

        return cuts;
    }
}
