namespace PartitionCompiler.Codegen.Tests.CutModel;

/// <summary>
/// Apps written against the generated API of <see cref="ResidualSplit"/>'s plans, one per plan shape: each device
/// receives a cut's message, runs its stage and sends the next cut's message over an in-process link, and the device
/// where the plan ends gets the typed graph outputs. Each driver logs what arrived on every device.
/// </summary>
internal static class CutModelDrivers
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.ML.OnnxRuntime.Tensors;
        using PartitionCompiler.Runtime.Tensors;
        using PartitionCompiler.Runtime.Transport;
        using Residual.Partitions;

        namespace Residual.Driver;

        """;

    /// <summary>glasses (source) → phone → cloud (where the plan ends).</summary>
    public const string Relay = Usings + """
        /// <summary>Three devices in a line.</summary>
        public static class Program
        {
            /// <summary>Runs the stages through the glue.</summary>
            public static async Task<IReadOnlyList<NamedTensor>> StagesAsync(string folder, float[] x, float[] s, List<string> log)
            {
                RelayPlan.StageFolder = folder;
                await using var glassesToPhone = new InProcessTransport(1, "glasses->phone");
                await using var phoneToCloud = new InProcessTransport(1, "phone->cloud");

                RelayPlan.Glasses.Stage0.Arrival arrival0 = RelayPlan.Glasses.Stage0.Arrive(
                    new() { X = new DenseTensor<float>(x, [2, 4]), S = new DenseTensor<float>(s, [2, 6]) }, sequence: 3);
                RelayPlan.Glasses.Stage0.Outputs outputs0 = await RelayPlan.Glasses.Stage0.RunAsync(arrival0.Inputs);
                await RelayPlan.Glasses.Stage0.SendAsync(outputs0, arrival0, glassesToPhone);

                RelayPlan.Phone.Stage1.Arrival arrival1 = await RelayPlan.Phone.Stage1.ReceiveAsync(glassesToPhone);
                log.Add("phone: " + string.Join(",", arrival1.Tensors.Select(t => t.Name)));
                RelayPlan.Phone.Stage1.Outputs outputs1 = await RelayPlan.Phone.Stage1.RunAsync(arrival1.Inputs);
                await RelayPlan.Phone.Stage1.SendAsync(outputs1, arrival1, phoneToCloud);

                RelayPlan.Cloud.Stage2.Arrival arrival2 = await RelayPlan.Cloud.Stage2.ReceiveAsync(phoneToCloud);
                log.Add("cloud: " + string.Join(",", arrival2.Tensors.Select(t => t.Name)) + " #" + arrival2.Sequence);
                RelayPlan.Cloud.Stage2.Outputs outputs2 = RelayPlan.Cloud.Stage2.Run(arrival2.Inputs);
                return RelayPlan.Cloud.Stage2.CollectGraphOutputs(outputs2, arrival2).ToNamedTensors();
            }
        }
        """;

    /// <summary>glasses (source) → phone → glasses (where the plan ends).</summary>
    public const string Return = Usings + """
        /// <summary>Two devices, the first one twice.</summary>
        public static class Program
        {
            /// <summary>Runs the stages through the glue.</summary>
            public static async Task<IReadOnlyList<NamedTensor>> StagesAsync(string folder, float[] x, float[] s, List<string> log)
            {
                ReturnPlan.StageFolder = folder;
                await using var glassesToPhone = new InProcessTransport(1, "glasses->phone");
                await using var phoneToGlasses = new InProcessTransport(1, "phone->glasses");

                ReturnPlan.Glasses.Stage0.Arrival arrival0 = ReturnPlan.Glasses.Stage0.Arrive(
                    new() { X = new DenseTensor<float>(x, [2, 4]), S = new DenseTensor<float>(s, [2, 6]) }, sequence: 3);
                ReturnPlan.Glasses.Stage0.Outputs outputs0 = ReturnPlan.Glasses.Stage0.Run(arrival0.Inputs);
                await ReturnPlan.Glasses.Stage0.SendAsync(outputs0, arrival0, glassesToPhone);

                ReturnPlan.Phone.Stage1.Arrival arrival1 = await ReturnPlan.Phone.Stage1.ReceiveAsync(glassesToPhone);
                log.Add("phone: " + string.Join(",", arrival1.Tensors.Select(t => t.Name)));
                ReturnPlan.Phone.Stage1.Outputs outputs1 = ReturnPlan.Phone.Stage1.Run(arrival1.Inputs);
                await ReturnPlan.Phone.Stage1.SendAsync(outputs1, arrival1, phoneToGlasses);

                ReturnPlan.Glasses.Stage2.Arrival arrival2 = await ReturnPlan.Glasses.Stage2.ReceiveAsync(phoneToGlasses);
                log.Add("glasses: " + string.Join(",", arrival2.Tensors.Select(t => t.Name)) + " #" + arrival2.Sequence);
                ReturnPlan.Glasses.Stage2.Outputs outputs2 = ReturnPlan.Glasses.Stage2.Run(arrival2.Inputs);
                return ReturnPlan.Glasses.Stage2.CollectGraphOutputs(outputs2, arrival2).ToNamedTensors();
            }
        }
        """;

    /// <summary>
    /// glasses → phone → glasses, where the glasses keep what they have instead of getting it back: stage 2 takes A
    /// from stage 0's outputs and S from stage 0's arrival, and the graph output Aux comes from stage 0's outputs.
    /// </summary>
    public const string Keeps = Usings + """
        /// <summary>Two devices; the first one keeps its tensors.</summary>
        public static class Program
        {
            /// <summary>Runs the stages through the glue.</summary>
            public static async Task<IReadOnlyList<NamedTensor>> StagesAsync(string folder, float[] x, float[] s, List<string> log)
            {
                KeepsPlan.StageFolder = folder;
                await using var glassesToPhone = new InProcessTransport(1, "glasses->phone");
                await using var phoneToGlasses = new InProcessTransport(1, "phone->glasses");

                KeepsPlan.Glasses.Stage0.Arrival arrival0 = KeepsPlan.Glasses.Stage0.Arrive(
                    new() { X = new DenseTensor<float>(x, [2, 4]), S = new DenseTensor<float>(s, [2, 6]) });
                KeepsPlan.Glasses.Stage0.Outputs outputs0 = KeepsPlan.Glasses.Stage0.Run(arrival0.Inputs);
                await KeepsPlan.Glasses.Stage0.SendAsync(outputs0, arrival0, glassesToPhone);

                KeepsPlan.Phone.Stage1.Arrival arrival1 = await KeepsPlan.Phone.Stage1.ReceiveAsync(glassesToPhone);
                log.Add("phone: " + string.Join(",", arrival1.Tensors.Select(t => t.Name)));
                KeepsPlan.Phone.Stage1.Outputs outputs1 = KeepsPlan.Phone.Stage1.Run(arrival1.Inputs);
                await KeepsPlan.Phone.Stage1.SendAsync(outputs1, arrival1, phoneToGlasses);

                KeepsPlan.Glasses.Stage2.Arrival arrival2 = await KeepsPlan.Glasses.Stage2.ReceiveAsync(
                    phoneToGlasses, stage0Arrival: arrival0, stage0Outputs: outputs0);
                log.Add("glasses: " + string.Join(",", arrival2.Tensors.Select(t => t.Name)));
                KeepsPlan.Glasses.Stage2.Outputs outputs2 = KeepsPlan.Glasses.Stage2.Run(arrival2.Inputs);
                return KeepsPlan.Glasses.Stage2.CollectGraphOutputs(outputs2, arrival2, stage0Outputs: outputs0).ToNamedTensors();
            }
        }
        """;

    /// <summary>glasses (source) → phone → cloud → glasses (sink, through the phone).</summary>
    public const string SourceAndSink = Usings + """
        /// <summary>The source and the sink run no stage.</summary>
        public static class Program
        {
            /// <summary>Runs the stages through the glue.</summary>
            public static async Task<IReadOnlyList<NamedTensor>> StagesAsync(string folder, float[] x, float[] s, List<string> log)
            {
                EndsPlan.StageFolder = folder;
                await using var glassesToPhone = new InProcessTransport(1, "glasses->phone");
                await using var phoneToCloud = new InProcessTransport(1, "phone->cloud");
                await using var cloudToGlasses = new InProcessTransport(1, "cloud->phone->glasses");

                await EndsPlan.SendGraphInputsAsync(
                    new() { X = new DenseTensor<float>(x, [2, 4]), S = new DenseTensor<float>(s, [2, 6]) }, glassesToPhone, sequence: 3);

                EndsPlan.Phone.Stage0.Arrival arrival0 = await EndsPlan.Phone.Stage0.ReceiveAsync(glassesToPhone);
                log.Add("phone: " + string.Join(",", arrival0.Tensors.Select(t => t.Name)));
                EndsPlan.Phone.Stage0.Outputs outputs0 = EndsPlan.Phone.Stage0.Run(arrival0.Inputs);
                await EndsPlan.Phone.Stage0.SendAsync(outputs0, arrival0, phoneToCloud);

                EndsPlan.Cloud.Stage1.Arrival arrival1 = await EndsPlan.Cloud.Stage1.ReceiveAsync(phoneToCloud);
                log.Add("cloud: " + string.Join(",", arrival1.Tensors.Select(t => t.Name)) + " #" + arrival1.Sequence);
                EndsPlan.Cloud.Stage1.Outputs outputs1 = EndsPlan.Cloud.Stage1.Run(arrival1.Inputs);
                await EndsPlan.Cloud.Stage1.SendAsync(outputs1, arrival1, cloudToGlasses);

                EndsPlan.GraphOutputs result = await EndsPlan.ReceiveGraphOutputsAsync(cloudToGlasses);
                return result.ToNamedTensors();
            }
        }
        """;
}
