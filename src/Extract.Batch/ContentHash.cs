using System.Security.Cryptography;
using System.Text;

namespace Extract.Batch;

/// <summary>
/// The content hash a store keeps beside each record: lowercase hex SHA-256 of the input as given — the raw bytes of a
/// <see cref="SourceKind.Bytes"/> source, the UTF-8 encoding of the text or HTML of the others. The URL and crawl time
/// are not part of it; a page fetched again with the same bytes has the same hash.
/// </summary>
public static class ContentHash
{
    /// <summary>The content hash of <paramref name="source"/>.</summary>
    public static string Of(ArticleSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Kind == SourceKind.Bytes)
        {
            return Convert.ToHexString(SHA256.HashData(source.Bytes.Span)).ToLowerInvariant();
        }

        var text = source.Content ?? "";
        var buffer = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexString(SHA256.HashData(buffer)).ToLowerInvariant();
    }
}
