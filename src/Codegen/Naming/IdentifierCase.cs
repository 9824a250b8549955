namespace PartitionCompiler.Codegen.Naming;

/// <summary>How <see cref="IdentifierSanitizer"/> joins the words of a name.</summary>
internal enum IdentifierCase
{
    /// <summary>Types and members: every word starts upper case (<c>pool2_out</c> becomes <c>Pool2Out</c>).</summary>
    Pascal,

    /// <summary>Parameters and locals: the first word starts lower case (<c>Pool2_out</c> becomes <c>pool2Out</c>).</summary>
    Camel,
}
