using System.Text.Json;
using Json.Schema;

namespace PartitionCompiler.Partitioning.Tests.Manifest;

/// <summary>Loads the repository's JSON Schemas once and validates documents (comments allowed) against them.</summary>
internal static class SchemaHarness
{
    private static readonly JsonDocumentOptions Lenient = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<JsonSchema> ManifestSchema = new(() => Load("schemas/partition-manifest.schema.json"));

    private static readonly Lazy<JsonSchema> ProfileSchema = new(() => Load("schemas/partition-profile.schema.json"));

    public static JsonSchema Manifest => ManifestSchema.Value;

    public static JsonSchema Profile => ProfileSchema.Value;

    public static JsonElement ReadSchemaDocument(string relative) =>
        JsonDocument.Parse(RepositoryFiles.Read(relative)).RootElement.Clone();

    /// <summary>The schema's verdict on <paramref name="text"/>, and its errors joined for a message.</summary>
    public static (bool Valid, string Errors) Validate(JsonSchema schema, string text)
    {
        using var document = JsonDocument.Parse(text, Lenient);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        string errors = string.Join(
            "\n",
            (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
        return (results.IsValid, errors);
    }

    private static JsonSchema Load(string relative) =>
        JsonSchema.FromText(RepositoryFiles.Read(relative), baseUri: new Uri("https://schemas.invalid/" + Path.GetFileName(relative)));
}
