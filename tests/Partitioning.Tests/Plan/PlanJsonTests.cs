using System.Text;
using CsCheck;
using PartitionCompiler.Partitioning.Plan;

namespace PartitionCompiler.Partitioning.Tests.Plan;

public sealed class PlanJsonTests
{
    [Fact]
    public void Read_then_write_gives_identical_bytes_on_random_plans()
    {
        Gen.Select(Gen.Int[1, 12], Gen.Int[2, 3], Gen.Bool, Gen.Int).Sample((n, devices, sink, seed) =>
        {
            var plan = KspPlanner.Plan(KspPlannerTests.RandomRequest(n, devices, sink, seed, k: 3)).Plan;
            if (plan is null)
            {
                return;
            }

            var bytes = PlanJsonWriter.Write(plan);
            var read = PlanJsonReader.Read(bytes, "toy.plan.json");

            Assert.Empty(read.Diagnostics);
            Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(PlanJsonWriter.Write(read.Plan!)));
        }, iter: 100, threads: 1);
    }

    [Fact]
    public void Written_plan_uses_two_space_indent_lf_and_a_final_newline()
    {
        var plan = KspPlanner.Plan(KspPlannerTests.RandomRequest(6, 3, sink: false, seed: 11, k: 3, memory: false)).Plan!;

        string text = Encoding.UTF8.GetString(PlanJsonWriter.Write(plan));

        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"formatVersion\": 1,\n  \"model\": {\n    \"path\": \"models/toy.onnx\",", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(83.2, "83.2")]
    [InlineData(1.0 / 3, "0.333333")]
    [InlineData(123456789.0, "1.23457e8")]
    [InlineData(0.0000123456789, "1.23457e-5")]
    [InlineData(-2.5, "-2.5")]
    public void Times_are_written_to_six_significant_digits(double value, string expected)
    {
        Assert.Equal(expected, PlanJsonWriter.FormatSignificant(value));
    }

    [Fact]
    public void Malformed_json_is_PC0500_with_line_and_column()
    {
        var result = PlanJsonReader.Read("{\n  \"formatVersion\": 1,\n  \"model\": [\n}"u8, "x.plan.json");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PC0500", diagnostic.Code);
        Assert.Equal(4, diagnostic.Location!.Line);
        Assert.Null(result.Plan);
    }

    [Fact]
    public void Unknown_property_is_PC0500_pointing_at_it()
    {
        var plan = KspPlanner.Plan(KspPlannerTests.RandomRequest(4, 2, sink: false, seed: 5, k: 2, memory: false)).Plan!;
        string text = Encoding.UTF8.GetString(PlanJsonWriter.Write(plan)).Replace("  \"strategy\": \"ksp\",", "  \"strategy\": \"ksp\",\n  \"colour\": \"red\",", StringComparison.Ordinal);

        var result = PlanJsonReader.Read(Encoding.UTF8.GetBytes(text), "x.plan.json");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PC0500", diagnostic.Code);
        Assert.Contains("$.colour is not a plan property", diagnostic.Message, StringComparison.Ordinal);
        int line = text[..text.IndexOf("\"colour\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.Equal(line, diagnostic.Location!.Line);
        Assert.Equal(3, diagnostic.Location.Column);
    }

    [Fact]
    public void Wrong_type_and_newer_version_are_PC0500_naming_the_json_path()
    {
        var plan = KspPlanner.Plan(KspPlannerTests.RandomRequest(4, 2, sink: false, seed: 5, k: 2, memory: false)).Plan!;
        string text = Encoding.UTF8.GetString(PlanJsonWriter.Write(plan));

        var wrongType = PlanJsonReader.Read(Encoding.UTF8.GetBytes(text.Replace("\"index\": 0,", "\"index\": \"zero\",", StringComparison.Ordinal)), "x.plan.json");
        var newer = PlanJsonReader.Read(Encoding.UTF8.GetBytes(text.Replace("\"formatVersion\": 1,", "\"formatVersion\": 2,", StringComparison.Ordinal)), "x.plan.json");

        Assert.Contains("$.stages[0].index must be an integer", Assert.Single(wrongType.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Equal("PC0500", Assert.Single(newer.Diagnostics).Code);
        Assert.Equal(2, newer.Diagnostics[0].Location!.Line);
    }
}
