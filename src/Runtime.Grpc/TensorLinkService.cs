using Grpc.Core;
using PartitionCompiler.Runtime.Grpc.Protocol;
using PartitionCompiler.Runtime.Transport;
using PartitionCompiler.Runtime.Wire;

namespace PartitionCompiler.Runtime.Grpc;

/// <summary>
/// The server side of a link: decodes each frame, queues the message for <see cref="GrpcTransportServer.ReceiveAsync"/>
/// (waiting while the queue is full), then acknowledges it. A client that vanishes mid-stream is reported to the
/// receiver as a <see cref="TransportException"/> after the messages it sent.
/// </summary>
internal sealed class TensorLinkService(ServerState state) : TensorLink.TensorLinkBase
{
    public override async Task Exchange(IAsyncStreamReader<Frame> requestStream, IServerStreamWriter<FrameAck> responseStream, ServerCallContext context)
    {
        string peer = context.Peer;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, state.Stopping);
        CancellationToken ct = linked.Token;
        try
        {
            // Answer at once so that the client's connect completes before its first message.
            await context.WriteResponseHeadersAsync([]).ConfigureAwait(false);
            while (await requestStream.MoveNext(ct).ConfigureAwait(false))
            {
                TensorMessage message;
                try
                {
                    message = TensorFrame.Decode(requestStream.Current.Data.Memory, state.Options.FrameLimits);
                }
                catch (TensorFrameException ex)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"Rejected frame: {ex.Message}"));
                }

                await state.Inbox.Writer.WriteAsync(new Inbound(message, null), ct).ConfigureAwait(false);
                await responseStream.WriteAsync(new FrameAck { Sequence = message.Sequence }, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (state.Stopping.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The server is stopping; the link is closed."));
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException
                                   && !state.Stopping.IsCancellationRequested)
        {
            var error = new TransportException(
                TransportFailure.PeerDropped, peer, $"Client {peer} dropped its stream mid-way ({ex.GetType().Name}: {ex.Message}).", ex);
            try
            {
                await state.Inbox.Writer.WriteAsync(new Inbound(null, error), state.Stopping).ConfigureAwait(false);
            }
            catch (Exception late) when (late is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
            {
                // The server is stopping; its receivers see the link closed instead.
            }
        }
    }
}
