namespace Extract;

/// <summary>Immutable settings of an <see cref="ArticleExtractor"/>. Start from <see cref="Default"/> and use <c>with</c>.</summary>
public sealed record ExtractorOptions
{
    /// <summary>The defaults: 16 MiB input cap, DOM depth 512, parallelism = processor count, learned page blocks.</summary>
    public static ExtractorOptions Default { get; } = new();

    /// <summary>
    /// The date that month-days without a year resolve against when the article states no publish
    /// date and neither its URL nor its crawl time gives one. Null: such dates get <c>--MM-DD</c>.
    /// </summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>Inputs larger than this (bytes, or UTF-16 code units for strings) become an error result.</summary>
    public int MaxInputLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>HTML nested deeper than this is flattened below this depth rather than walked.</summary>
    public int MaxDomDepth { get; init; } = 512;

    /// <summary>How many documents the batch API processes at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>How people, places and organisations are found; <see cref="EntityStrategy.Learned"/> by default.</summary>
    public EntityStrategy Entities { get; init; } = EntityStrategy.Learned;

    /// <summary>How many keywords to keep.</summary>
    public int KeywordCount { get; init; } = 10;

    /// <summary>
    /// True (the default): a trained classifier (an ML.NET model embedded in the library, loaded once on first use)
    /// decides which text blocks of an HTML page are the article, with the hand-written block scorer as one of its
    /// inputs. False: the hand-written block scorer alone picks the article area, as in earlier versions; no model is
    /// loaded. Plain-text input is not affected.
    /// </summary>
    public bool UseLearnedPageBlocks { get; init; } = true;

    #region User lexicons

    /// <summary>
    /// User words for the segmenter of stage 4 (the tokens the recognisers read), one entry per word in Jieba's user
    /// dictionary format: <c>word [freq] [tag]</c> (<c>紫荆湾社区 ns</c>). Empty (the default): the embedded dictionary alone.
    /// Keywords and the name tagger's segmenter features keep the embedded dictionary.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<string> UserWords { get; init; } = [];

    #endregion
}
