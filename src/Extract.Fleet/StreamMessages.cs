using System.Globalization;
using System.Text;
using StackExchange.Redis;

namespace Extract.Fleet;

/// <summary>
/// A document as the fields of one stream entry: <c>id</c>; <c>kind</c> (<c>text</c>, <c>html</c> or <c>bytes</c>);
/// <c>content</c> (UTF-8 text, or the raw bytes as fetched); optional <c>url</c>, <c>fetchedAt</c> (ISO 8601),
/// <c>charset</c> (the transport's declared charset) and <c>isHtml</c> (<c>1</c>/<c>0</c>, for bytes). A crawler can
/// XADD these fields itself.
/// </summary>
internal static class StreamMessages
{
    public static NameValueEntry[] ToFields(ArticleSource source)
    {
        var fields = new List<NameValueEntry>(7)
        {
            new("id", source.Id),
        };
        switch (source.Kind)
        {
            case SourceKind.Text:
                fields.Add(new("kind", "text"));
                fields.Add(new("content", source.Content));
                break;
            case SourceKind.Html:
                fields.Add(new("kind", "html"));
                fields.Add(new("content", source.Content));
                break;
            default:
                fields.Add(new("kind", "bytes"));
                fields.Add(new("content", source.Bytes));
                if (source.BytesAreHtml is { } html)
                {
                    fields.Add(new("isHtml", html ? "1" : "0"));
                }

                break;
        }

        if (source.Url is { } url)
        {
            fields.Add(new("url", url));
        }

        if (source.FetchedAt is { } fetched)
        {
            fields.Add(new("fetchedAt", fetched.ToString("O", CultureInfo.InvariantCulture)));
        }

        if (source.DeclaredCharset is { } charset)
        {
            fields.Add(new("charset", charset));
        }

        return [.. fields];
    }

    /// <summary>The document in <paramref name="entry"/>.</summary>
    /// <exception cref="FormatException">A field is missing or malformed: the message can never succeed.</exception>
    public static ArticleSource FromEntry(StreamEntry entry)
    {
        string? Get(string name)
        {
            var value = entry[name];
            return value.IsNull ? null : (string?)value;
        }

        var id = Get("id") ?? throw new FormatException("the message has no id field");
        var content = entry["content"];
        if (content.IsNull)
        {
            throw new FormatException($"message {id} has no content field");
        }

        var source = Get("kind") switch
        {
            "text" => ArticleSource.FromText(id, (string)content!),
            "html" => ArticleSource.FromHtml(id, (string)content!),
            "bytes" => ArticleSource.FromBytes(id, (byte[])content!, Get("isHtml") switch { "1" => true, "0" => false, _ => null }),
            var kind => throw new FormatException($"message {id}: kind '{kind}' is not text, html or bytes"),
        };
        DateTimeOffset? fetched = null;
        if (Get("fetchedAt") is { } f)
        {
            fetched = DateTimeOffset.TryParse(f, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new FormatException($"message {id}: fetchedAt '{f}' is not a date-time");
        }

        return source with { Url = Get("url"), FetchedAt = fetched, DeclaredCharset = Get("charset") };
    }

    /// <summary>The id field, or the message id when there is none (for dead letters of malformed messages).</summary>
    public static string IdOf(StreamEntry entry)
    {
        var id = entry["id"];
        return id.IsNull ? "message " + entry.Id : Encoding.UTF8.GetString((byte[])id!);
    }
}
