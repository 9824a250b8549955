namespace PartitionCompiler.Runtime.Transport;

/// <summary>
/// Both ends of a link in one object: what is sent with <see cref="ITensorSender.SendAsync"/> comes out of
/// <see cref="ITensorReceiver.ReceiveAsync"/>, in order.
/// </summary>
public interface ITensorTransport : ITensorSender, ITensorReceiver
{
}
