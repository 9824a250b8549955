using PartitionCompiler.Runtime.Transport;

namespace PartitionCompiler.Runtime.Grpc;

/// <summary>One item of the server's queue: a received message, or the failure of a client's stream.</summary>
internal readonly record struct Inbound(TensorMessage? Message, TransportException? Error);
