using System.Globalization;
using PartitionCompiler.Partitioning.Collections;

namespace PartitionCompiler.Partitioning.Plan;

/// <summary>Maps a parsed plan document onto the plan records, naming the JSON path of anything wrong.</summary>
internal static class PlanMapper
{
    public static PartitionPlan Plan(JsonNode root)
    {
        var o = new ObjectView(root, "$");
        int version = o.Int("formatVersion");
        if (version != PartitionPlan.CurrentFormatVersion)
        {
            throw new PlanFormatException(o.Offset("formatVersion"),
                $"$.formatVersion is {version}; this compiler reads format version {PartitionPlan.CurrentFormatVersion}");
        }

        var model = o.Object("model");
        var plan = new PartitionPlan(
            version,
            new PlanModel(model.String("path"), model.String("sha256"), model.Int("nodes")),
            o.String("manifestSha256"),
            o.String("strategy"),
            o.String("objective"),
            Prediction(o.Object("predicted")),
            o.Array("stages").Select(Stage).ToEquatableArray(),
            o.Array("transfers").Select(Transfer).ToEquatableArray(),
            o.Array("alternatives").Select(Alternative).ToEquatableArray());
        model.End();
        o.End();
        return plan;
    }

    private static PlanPrediction Prediction(ObjectView o)
    {
        var prediction = new PlanPrediction(o.Double("latencyMs"), o.Double("energyJ"), o.Double("objective"));
        o.End();
        return prediction;
    }

    private static PlanStage Stage(ObjectView o)
    {
        var stage = new PlanStage(
            o.Int("index"),
            o.String("device"),
            o.String("file"),
            o.String("sha256"),
            o.Has("dataSha256") ? o.String("dataSha256") : null,
            o.Array("nodes").Select(n => n.AsString()).ToEquatableArray(),
            o.Array("inputs").Select(Input).ToEquatableArray(),
            o.Array("outputs").Select(Output).ToEquatableArray(),
            o.Double("flops"),
            o.Long("parameterBytes"),
            o.Long("peakActivationBytes"),
            o.Double("predictedMs"),
            o.Double("energyJ"),
            o.Double("cru"),
            o.Double("sru"));
        o.End();
        return stage;
    }

    private static PlanTensor Input(ObjectView o)
    {
        var tensor = PlanTensor.Input(o.String("name"), o.String("type"), Shape(o), o.StageOr("from", "input"));
        o.End();
        return tensor;
    }

    private static PlanTensor Output(ObjectView o)
    {
        string name = o.String("name");
        string type = o.String("type");
        var shape = Shape(o);
        var to = new List<int>();
        bool toOutput = false;
        foreach (var item in o.Array("to"))
        {
            if (item.IsString("output"))
            {
                toOutput = true;
            }
            else
            {
                to.Add(item.AsInt());
            }
        }

        o.End();
        return PlanTensor.Output(name, type, shape, to.ToEquatableArray(), toOutput);
    }

    private static EquatableArray<long> Shape(ObjectView o) => o.Array("shape").Select(d => d.AsLong()).ToEquatableArray();

    private static PlanTransfer Transfer(ObjectView o)
    {
        var transfer = new PlanTransfer(
            o.StageOr("fromStage", "input"),
            o.StageOr("toStage", "output"),
            o.Array("route").Select(d => d.AsString()).ToEquatableArray(),
            o.String("link"),
            o.Array("tensors").Select(t => t.AsString()).ToEquatableArray(),
            o.Long("bytes"),
            o.Double("predictedMs"),
            o.Double("energyJ"));
        o.End();
        return transfer;
    }

    private static PlanAlternative Alternative(ObjectView o)
    {
        var alternative = new PlanAlternative(o.Int("rank"), o.Double("latencyMs"), o.Double("energyJ"), o.Double("objective"), o.String("assignment"));
        o.End();
        return alternative;
    }

    /// <summary>One value with its JSON path.</summary>
    private readonly record struct ValueView(JsonNode Node, string Path)
    {
        public string AsString() => Node.Kind == JsonNodeKind.String ? Node.Text! : throw Wrong("a string");

        public bool IsString(string value) => Node.Kind == JsonNodeKind.String && Node.Text == value;

        public long AsLong() =>
            Node.Kind == JsonNodeKind.Number && long.TryParse(Node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v)
                ? v
                : throw Wrong("an integer");

        public int AsInt()
        {
            long v = AsLong();
            return v is >= int.MinValue and <= int.MaxValue ? (int)v : throw Wrong("an integer in range");
        }

        public double AsDouble() =>
            Node.Kind == JsonNodeKind.Number && double.TryParse(Node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                ? v
                : throw Wrong("a finite number");

        public ObjectView AsObject() => Node.Kind == JsonNodeKind.Object ? new ObjectView(Node, Path) : throw Wrong("an object");

        public PlanFormatException Wrong(string expected) => new(Node.Offset, $"{Path} must be {expected}");
    }

    /// <summary>An object whose properties are taken one by one; <see cref="End"/> rejects any left over.</summary>
    private sealed class ObjectView
    {
        private readonly JsonNode _node;
        private readonly string _path;
        private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

        public ObjectView(JsonNode node, string path)
        {
            if (node.Kind != JsonNodeKind.Object)
            {
                throw new PlanFormatException(node.Offset, $"{path} must be an object");
            }

            _node = node;
            _path = path;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, offset, _) in node.Properties!)
            {
                if (!seen.Add(name))
                {
                    throw new PlanFormatException(offset, $"{path}.{name} appears twice");
                }
            }
        }

        public bool Has(string name) => _node.Properties!.Exists(p => p.Name == name);

        public long Offset(string name) => _node.Properties!.Find(p => p.Name == name).Offset;

        public ValueView Get(string name)
        {
            foreach (var (propertyName, _, value) in _node.Properties!)
            {
                if (propertyName == name)
                {
                    _taken.Add(name);
                    return new ValueView(value, $"{_path}.{name}");
                }
            }

            throw new PlanFormatException(_node.Offset, $"{_path} lacks the property '{name}'");
        }

        public string String(string name) => Get(name).AsString();

        public int Int(string name) => Get(name).AsInt();

        public long Long(string name) => Get(name).AsLong();

        public double Double(string name) => Get(name).AsDouble();

        public ObjectView Object(string name) => Get(name).AsObject();

        public int? StageOr(string name, string end)
        {
            var value = Get(name);
            return value.IsString(end) ? null : value.Node.Kind == JsonNodeKind.Number ? value.AsInt() : throw value.Wrong($"a stage index or \"{end}\"");
        }

        public List<ValueView> Array(string name)
        {
            var value = Get(name);
            if (value.Node.Kind != JsonNodeKind.Array)
            {
                throw value.Wrong("an array");
            }

            return value.Node.Items!.Select((item, i) => new ValueView(item, string.Create(CultureInfo.InvariantCulture, $"{value.Path}[{i}]"))).ToList();
        }

        public void End()
        {
            foreach (var (name, offset, _) in _node.Properties!)
            {
                if (!_taken.Contains(name))
                {
                    throw new PlanFormatException(offset, $"{_path}.{name} is not a plan property");
                }
            }
        }
    }

    private static PlanStage Stage(ValueView v) => Stage(v.AsObject());

    private static PlanTensor Input(ValueView v) => Input(v.AsObject());

    private static PlanTensor Output(ValueView v) => Output(v.AsObject());

    private static PlanTransfer Transfer(ValueView v) => Transfer(v.AsObject());

    private static PlanAlternative Alternative(ValueView v) => Alternative(v.AsObject());
}
