using PartitionCompiler.Partitioning.Solver;

namespace PartitionCompiler.Partitioning.Tests.Solver;

/// <summary>
/// The test oracle: every assignment of a device to each position, costed by the cut model on its own terms (compute
/// costs, plus for each device change the cheapest route for that cut's bytes, found by a plain Floyd-Warshall on
/// objective cost), filtered by memory, sorted by cost with the documented tie order.
/// </summary>
internal static class BruteForcePlanner
{
    public static List<(int[] Assignment, double Cost)> Solve(PartitionProblem problem, int k)
    {
        int n = problem.PositionCount;
        int d = problem.DeviceCount;
        var routeCost = new double[n + 1][];
        for (int cut = -1; cut < n; cut++)
        {
            routeCost[cut + 1] = RouteCosts(problem, problem.Cut(cut).Bytes);
        }

        var all = new List<(int[] Assignment, double Cost)>();
        var a = new int[n];
        long total = (long)Math.Pow(d, n);
        for (long code = 0; code < total; code++)
        {
            long rest = code;
            for (int p = n - 1; p >= 0; p--)
            {
                a[p] = (int)(rest % d);
                rest /= d;
            }

            double cost = 0;
            int at = problem.Source;
            for (int p = 0; p < n; p++)
            {
                if (a[p] != at)
                {
                    cost += routeCost[p][(at * d) + a[p]];
                    at = a[p];
                }

                cost += problem.ComputeCost(a[p], p);
            }

            if (problem.Sink is int sink && sink != at)
            {
                cost += routeCost[n][(at * d) + sink];
            }

            if (double.IsPositiveInfinity(cost) || !FitsMemory(problem, a))
            {
                continue;
            }

            all.Add(((int[])a.Clone(), cost));
        }

        all.Sort((x, y) => x.Cost.CompareTo(y.Cost));
        var result = new List<(int[] Assignment, double Cost)>();
        int start = 0;
        while (start < all.Count && result.Count < k)
        {
            int end = start + 1;
            while (end < all.Count && all[end].Cost - all[start].Cost <= 1e-12 * Math.Abs(all[start].Cost))
            {
                end++;
            }

            var group = all.GetRange(start, end - start);
            group.Sort((x, y) => CompareTieOrder(x.Assignment, y.Assignment));
            result.AddRange(group.Take(k - result.Count));
            start = end;
        }

        return result;
    }

    public static bool FitsMemory(PartitionProblem problem, int[] a)
    {
        for (int device = 0; device < problem.DeviceCount; device++)
        {
            if (problem.Devices[device].MemoryBytes is not long limit)
            {
                continue;
            }

            long parameters = 0;
            long peak = 0;
            foreach (var (dev, first, last) in Runs(a))
            {
                if (dev == device)
                {
                    var m = problem.Memory.Measure(first, last);
                    parameters += m.ParameterBytes;
                    peak = Math.Max(peak, m.PeakActivationBytes);
                }
            }

            if (parameters + peak > limit)
            {
                return false;
            }
        }

        return true;
    }

    public static List<(int Device, int First, int Last)> Runs(int[] a)
    {
        var runs = new List<(int, int, int)>();
        int first = 0;
        for (int p = 1; p <= a.Length; p++)
        {
            if (p == a.Length || a[p] != a[first])
            {
                runs.Add((a[first], first, p - 1));
                first = p;
            }
        }

        return runs;
    }

    private static int CompareTieOrder(int[] x, int[] y)
    {
        var rx = Runs(x);
        var ry = Runs(y);
        var devicesX = rx.Select(r => r.Device).ToList();
        var devicesY = ry.Select(r => r.Device).ToList();
        int c = CompareLexicographic(devicesX, devicesY);
        return c != 0 ? c : CompareLexicographic(rx.Select(r => r.Last).ToList(), ry.Select(r => r.Last).ToList());
    }

    private static int CompareLexicographic(List<int> x, List<int> y)
    {
        for (int i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }

        return x.Count.CompareTo(y.Count);
    }

    private static double[] RouteCosts(PartitionProblem problem, long bytes)
    {
        int d = problem.DeviceCount;
        var cost = new double[d * d];
        Array.Fill(cost, double.PositiveInfinity);
        for (int i = 0; i < d; i++)
        {
            cost[(i * d) + i] = 0;
        }

        foreach (var link in problem.Links)
        {
            double t = link.LatencySeconds + (bytes / link.BytesPerSecond);
            double c = problem.Objective.Evaluate(t, link.PowerWatts * t);
            cost[(link.From * d) + link.To] = Math.Min(cost[(link.From * d) + link.To], c);
        }

        for (int m = 0; m < d; m++)
        {
            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    cost[(i * d) + j] = Math.Min(cost[(i * d) + j], cost[(i * d) + m] + cost[(m * d) + j]);
                }
            }
        }

        return cost;
    }
}
