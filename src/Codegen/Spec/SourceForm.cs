namespace PartitionCompiler.Codegen.Spec;

/// <summary>How generated glue reads one tensor from the variable that holds it.</summary>
public enum SourceForm
{
    /// <summary>A received message: <c>message["name"]</c>, a named tensor.</summary>
    Message,

    /// <summary>An arrival's tensors: <c>FindTensor(arrival.Tensors, "name")</c>, a named tensor.</summary>
    ArrivalTensors,

    /// <summary>A typed record (<c>Outputs</c>, <c>GraphInputs</c>): <c>outputs.Property</c>, a dense tensor.</summary>
    Record,

    /// <summary>An arrival's typed inputs: <c>arrival.Inputs.Property</c>, a dense tensor.</summary>
    ArrivalInputs,
}
