using PartitionCompiler.Partitioning.Diagnostics;
using PartitionCompiler.Partitioning.Graph;
using PartitionCompiler.Partitioning.Manifest;

namespace PartitionCompiler.Partitioning.Shapes;

/// <summary>
/// The graph inputs' types after pinning: a pin (manifest <c>"inputs"</c> or <c>--input</c>) replaces the declared
/// dims; without a pin a symbolic dim 0 becomes 1 and other symbolic dims stay symbolic.
/// </summary>
internal static class InputPinning
{
    public static void Apply(ModelSpec model, IReadOnlyList<InputPin> pins, ShapeState state, DiagnosticBag diagnostics, SourceLocation? modelLocation)
    {
        var inputs = model.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var pinByName = new Dictionary<string, InputPin>(StringComparer.Ordinal);
        foreach (var pin in pins)
        {
            if (!inputs.ContainsKey(pin.Name))
            {
                string names = model.Inputs.Count == 0 ? "none" : string.Join(", ", model.Inputs.Select(i => $"'{i.Name}'"));
                diagnostics.Add(DiagnosticCatalog.PinUnknownInput, pin.Location ?? modelLocation, pin.Name, names);
                continue;
            }

            pinByName.TryAdd(pin.Name, pin);
        }

        foreach (var input in model.Inputs)
        {
            if (input.Type is null)
            {
                continue;
            }

            var shape = input.Type.Shape;
            if (pinByName.TryGetValue(input.Name, out var p) && Accepts(p, shape, diagnostics, modelLocation))
            {
                shape = TensorShape.Of([.. p.Dims]);
            }
            else if (shape is { Rank: > 0 } && !shape[0].IsKnown)
            {
                shape = DimMath.Shape(shape.Dims.Select((d, i) => i == 0 ? (Dim)1 : d));
            }

            state.Types[input.Name] = new TensorType(input.Type.ElementType, shape);
        }
    }

    private static bool Accepts(InputPin pin, TensorShape? declared, DiagnosticBag diagnostics, SourceLocation? modelLocation)
    {
        var location = pin.Location ?? modelLocation;
        for (int i = 0; i < pin.Dims.Count; i++)
        {
            if (pin.Dims[i] < 1)
            {
                diagnostics.Add(DiagnosticCatalog.PinDimNotPositive, location, pin.Name, i, pin.Dims[i]);
                return false;
            }
        }

        if (declared is null)
        {
            return true;
        }

        if (declared.Rank != pin.Dims.Count)
        {
            diagnostics.Add(DiagnosticCatalog.PinRankMismatch, location, pin.Name, pin.Dims.Count, declared.Rank, declared);
            return false;
        }

        for (int i = 0; i < declared.Rank; i++)
        {
            if (declared[i].Value is long fixedSize && fixedSize != pin.Dims[i])
            {
                diagnostics.Add(DiagnosticCatalog.PinConflictsWithModel, location, pin.Name, i, pin.Dims[i], fixedSize);
                return false;
            }
        }

        return true;
    }
}
