using System.Diagnostics.CodeAnalysis;

namespace Extract;

/// <summary>The outcome for one input: an <see cref="Article"/>, or an error message. Batches never throw for one bad document.</summary>
public sealed record ExtractionResult
{
    private ExtractionResult(string id, Article? article, string? error)
    {
        Id = id;
        Article = article;
        Error = error;
    }

    /// <summary>The input id.</summary>
    public string Id { get; }

    /// <summary>The article, when extraction succeeded.</summary>
    public Article? Article { get; }

    /// <summary>Why extraction failed (too large, binary, cancelled…), when it did.</summary>
    public string? Error { get; }

    /// <summary>True when <see cref="Article"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Article))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Article is not null;

    /// <summary>A successful result.</summary>
    public static ExtractionResult Success(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ExtractionResult(article.Id, article, null);
    }

    /// <summary>A failed result.</summary>
    public static ExtractionResult Failure(string id, string error)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new ExtractionResult(id, null, error);
    }
}
