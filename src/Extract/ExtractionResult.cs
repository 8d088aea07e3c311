using System.Diagnostics.CodeAnalysis;

namespace Extract;

/// <summary>The outcome for one input: an <see cref="Article"/>, or an error message. Batches never throw for one bad document.</summary>
public sealed record ExtractionResult
{
    private ExtractionResult(string id, Article? article, string? error, ExtractionErrorKind? kind, string? stage)
    {
        Id = id;
        Article = article;
        Error = error;
        ErrorKind = kind;
        Stage = stage;
    }

    /// <summary>The input id.</summary>
    public string Id { get; }

    /// <summary>The article, when extraction succeeded.</summary>
    public Article? Article { get; }

    /// <summary>Why extraction failed (too large, binary, over its time budget…), when it did.</summary>
    public string? Error { get; }

    /// <summary>The kind of failure, when extraction failed.</summary>
    public ExtractionErrorKind? ErrorKind { get; }

    /// <summary>
    /// The stage that failed, when extraction failed: <c>input</c> (reading the file or JSONL line), <c>decode</c>,
    /// <c>page</c>, <c>text</c>, <c>tokens</c>, <c>recognition</c> or <c>record</c>.
    /// </summary>
    public string? Stage { get; }

    /// <summary>True when <see cref="Article"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Article))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Article is not null;

    /// <summary>A successful result.</summary>
    public static ExtractionResult Success(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ExtractionResult(article.Id, article, null, null, null);
    }

    /// <summary>A failed result of kind <see cref="ExtractionErrorKind.Internal"/> with no stage.</summary>
    public static ExtractionResult Failure(string id, string error) => Failure(id, error, ExtractionErrorKind.Internal, null);

    /// <summary>A failed result: what went wrong, its kind, and the stage it happened in (null when unknown).</summary>
    public static ExtractionResult Failure(string id, string error, ExtractionErrorKind kind, string? stage)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new ExtractionResult(id, null, error, kind, stage);
    }
}
