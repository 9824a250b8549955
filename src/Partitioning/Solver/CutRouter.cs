using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Solver;

/// <summary>
/// The cheapest multi-hop route between every pair of devices for a transfer of a given size, over the problem's
/// directed links. A hop costs the objective of its time (latency + bytes / rate) and energy (link power x time).
/// Routes compare by objective cost, then time, then hop count, then the order the links were declared, so the choice is
/// deterministic.
/// </summary>
/// <remarks>Floyd-Warshall over the lexicographic (cost, time, hops) weights: R. W. Floyd, "Algorithm 97: Shortest
/// path", Communications of the ACM 5(6):345, 1962.</remarks>
internal sealed class CutRouter
{
    private readonly PartitionProblem _problem;
    private readonly int _d;
    private readonly double[] _cost;
    private readonly double[] _seconds;
    private readonly int[] _hops;
    private readonly int[] _next;
    private readonly int[] _link;

    public CutRouter(PartitionProblem problem)
    {
        _problem = problem;
        _d = problem.DeviceCount;
        int pairs = _d * _d;
        _cost = new double[pairs];
        _seconds = new double[pairs];
        _hops = new int[pairs];
        _next = new int[pairs];
        _link = new int[pairs];
    }

    /// <summary>Computes the routes for <paramref name="bytes"/>; <c>costs[from * D + to]</c> is +infinity where none exists.</summary>
    public void Compute(long bytes, Span<double> costs)
    {
        Solve(bytes);
        _cost.AsSpan().CopyTo(costs);
    }

    /// <summary>The route for <paramref name="bytes"/> from one device to another, or null when there is none.</summary>
    public Route? Find(long bytes, int from, int to)
    {
        Solve(bytes);
        int d = _d;
        if (double.IsPositiveInfinity(_cost[(from * d) + to]))
        {
            return null;
        }

        var devices = new List<int> { from };
        double seconds = 0;
        double energy = 0;
        int at = from;
        while (at != to)
        {
            int hop = _next[(at * d) + to];
            var link = _problem.Links[_link[(at * d) + hop]];
            double t = link.Seconds(bytes);
            seconds += t;
            energy += link.PowerWatts * t;
            devices.Add(hop);
            at = hop;
        }

        return new Route(devices.ToEquatableArray(), seconds, energy, _problem.Objective.Evaluate(seconds, energy));
    }

    private void Solve(long bytes)
    {
        int d = _d;
        var objective = _problem.Objective;
        Array.Fill(_cost, double.PositiveInfinity);
        Array.Fill(_seconds, double.PositiveInfinity);
        Array.Fill(_hops, int.MaxValue);
        Array.Fill(_link, -1);
        for (int i = 0; i < d; i++)
        {
            int ii = (i * d) + i;
            _cost[ii] = 0;
            _seconds[ii] = 0;
            _hops[ii] = 0;
            _next[ii] = i;
        }

        var links = _problem.Links;
        for (int l = 0; l < links.Count; l++)
        {
            var link = links[l];
            double t = link.Seconds(bytes);
            double c = objective.Evaluate(t, link.PowerWatts * t);
            int ij = (link.From * d) + link.To;
            if (c < _cost[ij] || (c == _cost[ij] && t < _seconds[ij]))
            {
                _cost[ij] = c;
                _seconds[ij] = t;
                _hops[ij] = 1;
                _next[ij] = link.To;
                _link[ij] = l;
            }
        }

        if (d <= 2)
        {
            return;
        }

        for (int k = 0; k < d; k++)
        {
            for (int i = 0; i < d; i++)
            {
                double ik = _cost[(i * d) + k];
                if (i == k || double.IsPositiveInfinity(ik))
                {
                    continue;
                }

                for (int j = 0; j < d; j++)
                {
                    int kj = (k * d) + j;
                    if (j == k || j == i || double.IsPositiveInfinity(_cost[kj]))
                    {
                        continue;
                    }

                    int ij = (i * d) + j;
                    double c = ik + _cost[kj];
                    double t = _seconds[(i * d) + k] + _seconds[kj];
                    int h = _hops[(i * d) + k] + _hops[kj];
                    if (c < _cost[ij] || (c == _cost[ij] && (t < _seconds[ij] || (t == _seconds[ij] && h < _hops[ij]))))
                    {
                        _cost[ij] = c;
                        _seconds[ij] = t;
                        _hops[ij] = h;
                        _next[ij] = _next[(i * d) + k];
                    }
                }
            }
        }
    }

    /// <summary>A route: devices in hop order (first = sender, last = receiver) and its time, energy and objective cost.</summary>
    internal sealed record Route(EquatableArray<int> Devices, double Seconds, double Energy, double Cost);
}
