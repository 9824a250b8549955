using System.Text;
using PartitionCompiler.Cli.Output;

namespace PartitionCompiler.Cli.Tests.Output;

public sealed class JsonValueComparerTests
{
    private const string Plan = """
        {
          "formatVersion": 1,
          "stages": [
            { "index": 0, "device": "glasses", "predictedMs": 20.1 },
            { "index": 1, "device": "phone", "predictedMs": 63.1 }
          ],
          "flags": [true, null]
        }
        """;

    private static JsonDifference? Diff(string expected, string actual) =>
        JsonValueComparer.FirstDifference(Parse(expected), Parse(actual));

    private static LocatedJson Parse(string json) => LocatedJson.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Property_order_whitespace_line_endings_and_number_spelling_do_not_count()
    {
        string same = "{\r\n\"flags\":[true,null],\"stages\":[{\"device\":\"glasses\",\"predictedMs\":2.01e1,\"index\":0},"
            + "{\"predictedMs\":63.10,\"device\":\"phone\",\"index\":1.0}],\"formatVersion\":1}";

        Assert.Null(Diff(Plan, same));
    }

    [Fact]
    public void A_changed_value_is_reported_at_its_path_and_position()
    {
        string changed = Plan.Replace("\"phone\"", "\"cloud\"", StringComparison.Ordinal);

        JsonDifference difference = Assert.IsType<JsonDifference>(Diff(Plan, changed));

        Assert.Equal("$.stages[1].device", difference.Path);
        Assert.Equal("the plan has \"phone\", the solved plan \"cloud\"", difference.Description);
        Assert.Equal(Encoding.UTF8.GetByteCount(Plan[..Plan.IndexOf("\"phone\"", StringComparison.Ordinal)]), difference.Offset);
    }

    [Fact]
    public void The_first_difference_in_document_order_wins()
    {
        string changed = Plan.Replace("20.1", "21", StringComparison.Ordinal).Replace("\"phone\"", "\"cloud\"", StringComparison.Ordinal);

        Assert.Equal("$.stages[0].predictedMs", Diff(Plan, changed)?.Path);
    }

    [Fact]
    public void A_property_only_in_the_plan_is_reported_at_its_name()
    {
        JsonDifference? difference = Diff("{\"a\": 1, \"b\": 2}", "{\"a\": 1}");

        Assert.Equal("$.b", difference?.Path);
        Assert.Equal(9, difference?.Offset);
        Assert.Contains("the plan has this property", difference?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_only_in_the_solved_plan_is_reported_at_its_object()
    {
        JsonDifference? difference = Diff("{\"a\": {\"x\": 1}}", "{\"a\": {\"x\": 1, \"y\": [1, 2]}}");

        Assert.Equal("$.a.y", difference?.Path);
        Assert.Equal(6, difference?.Offset);
        Assert.Contains("an array of 2 items", difference?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Arrays_compare_in_order_and_by_length()
    {
        Assert.Equal("$[0]", Diff("[1, 2]", "[2, 1]")?.Path);

        JsonDifference? longer = Diff("[1, 2, 3]", "[1, 2]");
        Assert.Equal("$", longer?.Path);
        Assert.Equal(7, longer?.Offset);
        Assert.Equal("the plan has 3 items, the solved plan 2 items", longer?.Description);
    }

    [Theory]
    [InlineData("{\"a\": true}", "{\"a\": false}", "the plan has true, the solved plan false")]
    [InlineData("{\"a\": 1}", "{\"a\": \"1\"}", "the plan has 1, the solved plan \"1\"")]
    [InlineData("{\"a\": null}", "{\"a\": {}}", "the plan has null, the solved plan an object")]
    public void Kind_and_boolean_changes_are_differences(string expected, string actual, string description) =>
        Assert.Equal(description, Diff(expected, actual)?.Description);

    [Fact]
    public void Names_that_are_not_identifiers_are_quoted_in_the_path() =>
        Assert.Equal("$.nodes[\"conv 1\"]", Diff("{\"nodes\": {\"conv 1\": 1}}", "{\"nodes\": {\"conv 1\": 2}}")?.Path);

    [Fact]
    public void Long_values_are_shortened_in_the_description()
    {
        string longText = new('x', 500);
        JsonDifference? difference = Diff($"{{\"a\": \"{longText}\"}}", "{\"a\": \"y\"}");

        Assert.True(difference?.Description.Length < 200);
        Assert.Contains("...", difference?.Description, StringComparison.Ordinal);
    }
}
