using System.Diagnostics;
using PartitionCompiler.Runtime.Plans;
using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;

namespace PartitionCompiler.Runtime.Tests.Transport;

public sealed class ThrottledTransportTests
{
    [Fact]
    public void Delay_is_latency_plus_bytes_over_rate_summed_over_hops()
    {
        HopDescriptor[] hops = [new("a", "b", 1_000_000, 0.003), new("b", "c", 250_000, 0.010)];

        TimeSpan delay = ThrottledTransport.DelayFor(500_000, hops);

        Assert.Equal(0.003 + 0.5 + 0.010 + 2.0, delay.TotalSeconds, precision: 6);
        Assert.Equal(TimeSpan.Zero, ThrottledTransport.DelayFor(123, []));
        Assert.Equal(0.002, ThrottledTransport.DelayFor(1_000_000, [new("a", "b", double.PositiveInfinity, 0.002)]).TotalSeconds, precision: 6);
    }

    [Fact]
    public async Task A_send_takes_at_least_the_simulated_link_time()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        // 40 000 payload bytes at 400 000 B/s = 100 ms, plus 20 ms latency.
        await using var link = new ThrottledTransport(new InProcessTransport(), 400_000, 0.020);
        var message = new TensorMessage(0, 1, 0, [NamedTensor.Create("x", new float[10_000], 10_000)]);

        long start = Stopwatch.GetTimestamp();
        await link.SendAsync(message, ct);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);

        Assert.True(elapsed >= TimeSpan.FromMilliseconds(120), $"The send took {elapsed.TotalMilliseconds} ms, less than the link's 120 ms.");
        Assert.Equal(message, await link.ReceiveAsync(ct));
    }

    [Fact]
    public async Task A_throttled_send_can_be_cancelled_while_it_waits()
    {
        await using var link = new ThrottledTransport(new InProcessTransport(), 1, 0);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var message = new TensorMessage(0, 1, 0, [NamedTensor.Create("x", new float[1000], 1000)]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await link.SendAsync(message, cancel.Token));
    }

    [Fact]
    public void Hops_with_a_bad_rate_or_latency_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ThrottledTransport(new InProcessTransport(), 0, 0));
        Assert.Throws<ArgumentException>(() => new ThrottledTransport(new InProcessTransport(), 100, -1));
        Assert.Throws<ArgumentException>(() => new ThrottledTransport(new InProcessTransport(), double.NaN, 0));
    }
}
