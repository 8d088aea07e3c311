namespace Extract;

/// <summary>How the content of an <see cref="ArticleSource"/> is given.</summary>
public enum SourceKind
{
    /// <summary>Plain text, one paragraph or line per line.</summary>
    Text,
    /// <summary>HTML markup as a string.</summary>
    Html,
    /// <summary>Raw bytes of an HTML page in any charset, or of a text file.</summary>
    Bytes,
}

/// <summary>One input document: its id, content and the context that helps date inference.</summary>
public sealed record ArticleSource
{
    private ArticleSource(string id, SourceKind kind)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
        Kind = kind;
    }

    /// <summary>The id written into the record (a file name, a URL, a database key).</summary>
    public string Id { get; }

    /// <summary>How the content is given.</summary>
    public SourceKind Kind { get; }

    /// <summary>The text or HTML, for <see cref="SourceKind.Text"/> and <see cref="SourceKind.Html"/>.</summary>
    public string? Content { get; private init; }

    /// <summary>The raw bytes, for <see cref="SourceKind.Bytes"/>.</summary>
    public ReadOnlyMemory<byte> Bytes { get; private init; }

    /// <summary>For <see cref="SourceKind.Bytes"/>: true when the bytes are known to be HTML, false for text, null to sniff.</summary>
    public bool? BytesAreHtml { get; private init; }

    /// <summary>The charset the transport declared (HTTP Content-Type), if any.</summary>
    public string? DeclaredCharset { get; init; }

    /// <summary>The page URL; its date pattern (/2022-03/24/, t20221104_) helps resolve dates.</summary>
    public string? Url { get; init; }

    /// <summary>When the page was crawled; the last fallback for date resolution before the options' reference date.</summary>
    public DateTimeOffset? FetchedAt { get; init; }

    /// <summary>A plain-text document.</summary>
    public static ArticleSource FromText(string id, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ArticleSource(id, SourceKind.Text) { Content = text };
    }

    /// <summary>An HTML document already decoded to a string.</summary>
    public static ArticleSource FromHtml(string id, string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return new ArticleSource(id, SourceKind.Html) { Content = html };
    }

    /// <summary>Raw bytes; the charset is sniffed (BOM, declared charset, valid UTF-8, GB18030, Big5).</summary>
    /// <param name="id">The record id.</param>
    /// <param name="bytes">The bytes as fetched.</param>
    /// <param name="isHtml">True for HTML, false for text, null to decide from the content.</param>
    public static ArticleSource FromBytes(string id, ReadOnlyMemory<byte> bytes, bool? isHtml = null) =>
        new(id, SourceKind.Bytes) { Bytes = bytes, BytesAreHtml = isHtml };

    /// <summary>Reads <paramref name="stream"/> to its end (it is not disposed) as raw bytes, as <see cref="FromBytes"/>.</summary>
    /// <param name="id">The record id.</param>
    /// <param name="stream">A readable stream: a file, a response body.</param>
    /// <param name="isHtml">True for HTML, false for text, null to decide from the content.</param>
    public static ArticleSource FromStream(string id, Stream stream, bool? isHtml = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FromBytes(id, buffer.ToArray(), isHtml);
    }

    /// <summary>Reads <paramref name="stream"/> to its end asynchronously (it is not disposed) as raw bytes, as <see cref="FromBytes"/>.</summary>
    /// <param name="id">The record id.</param>
    /// <param name="stream">A readable stream: a file, a response body.</param>
    /// <param name="isHtml">True for HTML, false for text, null to decide from the content.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<ArticleSource> FromStreamAsync(string id, Stream stream, bool? isHtml = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return FromBytes(id, buffer.ToArray(), isHtml);
    }
}
