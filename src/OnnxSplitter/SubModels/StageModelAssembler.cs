using System.Globalization;
using PartitionCompiler.OnnxSplitter.Proto;

namespace PartitionCompiler.OnnxSplitter.SubModels;

/// <summary>
/// Builds one stage's <see cref="ModelProto"/> around the original's messages: the node, initializer, opset, function
/// and value_info messages are the original objects (shared, never copied or changed); only tensors whose data is
/// external are copied, to point into the stage's data file. The model keeps the original's IR version, opset
/// imports, producer, domain, model version and doc string; its metadata is exactly the three <c>partition.*</c>
/// entries (DESIGN.md section 7).
/// </summary>
internal static class StageModelAssembler
{
    public const string ModelShaKey = "partition.model_sha256";
    public const string StageKey = "partition.stage";
    public const string DeviceKey = "partition.device";

    public static ModelProto Assemble(ModelProto original, string modelSha256, StageContents stage, ExternalDataLayout data)
    {
        var source = original.Graph;
        var model = new ModelProto { IrVersion = original.IrVersion };
        if (original.HasProducerName)
        {
            model.ProducerName = original.ProducerName;
        }

        if (original.HasProducerVersion)
        {
            model.ProducerVersion = original.ProducerVersion;
        }

        if (original.HasDomain)
        {
            model.Domain = original.Domain;
        }

        if (original.HasModelVersion)
        {
            model.ModelVersion = original.ModelVersion;
        }

        if (original.HasDocString)
        {
            model.DocString = original.DocString;
        }

        model.OpsetImport.Add(original.OpsetImport);
        model.Functions.Add(original.Functions);
        model.MetadataProps.Add(new StringStringEntryProto { Key = ModelShaKey, Value = modelSha256 });
        model.MetadataProps.Add(new StringStringEntryProto { Key = StageKey, Value = stage.StageIndex.ToString(CultureInfo.InvariantCulture) });
        model.MetadataProps.Add(new StringStringEntryProto { Key = DeviceKey, Value = stage.Device });

        var graph = new GraphProto();
        if (source.HasName)
        {
            graph.Name = source.Name;
        }

        if (source.HasDocString)
        {
            graph.DocString = source.DocString;
        }

        foreach (int node in stage.Nodes)
        {
            graph.Node.Add(source.Node[node]);
        }

        foreach (int initializer in stage.Initializers)
        {
            graph.Initializer.Add(data.Place(source.Initializer[initializer]));
        }

        foreach (int sparse in stage.SparseInitializers)
        {
            graph.SparseInitializer.Add(PlaceSparse(source.SparseInitializer[sparse], data));
        }

        foreach (var input in stage.Inputs)
        {
            graph.Input.Add(ValueInfo(input));
        }

        foreach (int input in stage.InitializerInputs)
        {
            graph.Input.Add(source.Input[input]);
        }

        foreach (var output in stage.Outputs)
        {
            graph.Output.Add(ValueInfo(output));
        }

        foreach (int valueInfo in stage.ValueInfos)
        {
            graph.ValueInfo.Add(source.ValueInfo[valueInfo]);
        }

        if (source.QuantizationAnnotation.Count > 0)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in graph.Node)
            {
                names.UnionWith(node.Input);
                names.UnionWith(node.Output);
            }

            graph.QuantizationAnnotation.Add(source.QuantizationAnnotation.Where(a => names.Contains(a.TensorName)));
        }

        model.Graph = graph;
        return model;
    }

    private static SparseTensorProto PlaceSparse(SparseTensorProto sparse, ExternalDataLayout data)
    {
        var values = sparse.Values is null ? null : data.Place(sparse.Values);
        var indices = sparse.Indices is null ? null : data.Place(sparse.Indices);
        if (ReferenceEquals(values, sparse.Values) && ReferenceEquals(indices, sparse.Indices))
        {
            return sparse;
        }

        var placed = new SparseTensorProto { Values = values, Indices = indices };
        placed.Dims.Add(sparse.Dims);
        return placed;
    }

    private static ValueInfoProto ValueInfo(StageTensor tensor)
    {
        var shape = new TensorShapeProto();
        foreach (long dim in tensor.Shape)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = dim });
        }

        return new ValueInfoProto
        {
            Name = tensor.Name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)tensor.ElementType, Shape = shape } },
        };
    }
}
