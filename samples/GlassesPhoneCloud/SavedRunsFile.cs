using PartitionCompiler.Runtime.Tensors;
using PartitionCompiler.Runtime.Transport;
using PartitionCompiler.Runtime.Wire;

namespace GlassesPhoneCloud;

/// <summary>
/// <c>--save FILE</c>: each run's input and the scores the split pipeline returned, one wire-format frame per run
/// (sequence = run number), so another program can check them against the unsplit model.
/// </summary>
internal sealed class SavedRunsFile : IAsyncDisposable
{
    private readonly FileStream? _stream;

    public SavedRunsFile(string? path) => _stream = path is null ? null : File.Create(path);

    public async Task AddAsync(long run, NamedTensor image, NamedTensor scores)
    {
        if (_stream is not null)
        {
            await TensorFrame.WriteAsync(_stream, new TensorMessage(TensorMessage.NoStage, TensorMessage.NoStage, run, [image, scores]));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }
    }
}
