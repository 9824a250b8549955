using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;

namespace PartitionCompiler.Runtime.Tests.Transport;

public sealed class InProcessTransportTests
{
    private static TensorMessage Message(long sequence) =>
        new(0, 1, sequence, [NamedTensor.Create("x", new[] { (float)sequence }, 1)]);

    [Fact]
    public async Task Messages_arrive_in_the_order_they_were_sent()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var link = new InProcessTransport(capacity: 3);
        Task producer = Task.Run(async () =>
        {
            for (int i = 0; i < 100; i++)
            {
                await link.SendAsync(Message(i), ct);
            }
        }, ct);

        for (int i = 0; i < 100; i++)
        {
            TensorMessage received = await link.ReceiveAsync(ct);
            Assert.Equal(Message(i), received);
        }

        await producer;
    }

    [Fact]
    public async Task A_full_link_makes_the_sender_wait_until_the_receiver_reads()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var link = new InProcessTransport(capacity: 2);
        await link.SendAsync(Message(0), ct);
        await link.SendAsync(Message(1), ct);

        ValueTask third = link.SendAsync(Message(2), ct);
        Assert.False(third.IsCompleted);
        Assert.Equal(2, link.Count);

        Assert.Equal(0, (await link.ReceiveAsync(ct)).Sequence);
        await third;
        Assert.Equal(2, link.Count);
    }

    [Fact]
    public async Task Cancellation_ends_a_waiting_receive_and_a_waiting_send()
    {
        await using var link = new InProcessTransport(capacity: 1);
        using var receiveCancel = new CancellationTokenSource();
        ValueTask<TensorMessage> receive = link.ReceiveAsync(receiveCancel.Token);
        Assert.False(receive.IsCompleted);
        await receiveCancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await receive);

        await link.SendAsync(Message(0), TestContext.Current.CancellationToken);
        using var sendCancel = new CancellationTokenSource();
        ValueTask send = link.SendAsync(Message(1), sendCancel.Token);
        await sendCancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await send);
        Assert.Equal(1, link.Count);
    }

    [Fact]
    public async Task A_completed_link_drains_then_reports_closed_to_both_ends()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var link = new InProcessTransport(capacity: 4, name: "a->b");
        await link.SendAsync(Message(0), ct);
        await link.CompleteAsync(ct);

        var sendError = await Assert.ThrowsAsync<TransportException>(async () => await link.SendAsync(Message(1), ct));
        Assert.Equal(TransportFailure.Closed, sendError.Failure);
        Assert.Equal("a->b", sendError.Peer);
        Assert.Equal(0, (await link.ReceiveAsync(ct)).Sequence);
        var receiveError = await Assert.ThrowsAsync<TransportException>(async () => await link.ReceiveAsync(ct));
        Assert.Equal(TransportFailure.Closed, receiveError.Failure);
        Assert.Contains("a->b", receiveError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_refuse_duplicate_names_and_bad_headers()
    {
        var a = NamedTensor.Scalar("a", 1f);

        Assert.Throws<ArgumentException>(() => new TensorMessage(0, 1, 0, [a, a]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TensorMessage(-2, 1, 0, [a]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TensorMessage(0, 1, -1, [a]));
        Assert.Throws<KeyNotFoundException>(() => new TensorMessage(0, 1, 0, [a])["b"]);
    }
}
