using System.Security.Cryptography;
using System.Text;

namespace PartitionCompiler.Partitioning.Manifest;

/// <summary>
/// The manifest hash a plan records (<c>manifestSha256</c>, DESIGN.md section 5): SHA-256 of the manifest's bytes after
/// every CRLF became LF, as lowercase hex. A checkout with Windows line endings hashes like one with Unix endings.
/// </summary>
public static class ManifestHash
{
    /// <summary>Hashes the manifest file's bytes exactly as read (a byte order mark, if any, is part of them).</summary>
    public static string Compute(ReadOnlySpan<byte> manifestBytes)
    {
        var normalized = new byte[manifestBytes.Length];
        int length = 0;
        for (int i = 0; i < manifestBytes.Length; i++)
        {
            if (manifestBytes[i] == (byte)'\r' && i + 1 < manifestBytes.Length && manifestBytes[i + 1] == (byte)'\n')
            {
                continue;
            }

            normalized[length++] = manifestBytes[i];
        }

        return Convert.ToHexStringLower(SHA256.HashData(normalized.AsSpan(0, length)));
    }

    /// <summary>Hashes text as its UTF-8 bytes (no byte order mark).</summary>
    public static string Compute(string manifestText) => Compute(Encoding.UTF8.GetBytes(manifestText));
}
