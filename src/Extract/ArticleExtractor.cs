using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Extract.Decoding;
using Extract.Learning;
using Extract.Page;
using Extract.Recognition;
using Extract.Recognition.Achievements;
using Extract.Recognition.Dates;
using Extract.Recognition.Entities;
using Extract.Recognition.Keywords;
using Extract.Recognition.Numbers;
using Extract.Recognition.Organizations;
using Extract.Recognition.People;
using Extract.Recognition.Places;
using Extract.Recognition.Tagging;
using Extract.Resolution;
using Extract.Resources;
using Extract.Segmentation;
using Extract.Text;
using Extract.Tokens;
using Extract.Calendar;

namespace Extract;

/// <summary>
/// The entry point: turns one page or text into an <see cref="Article"/>, or a batch into results in input order.
/// An instance is immutable and thread-safe; share one across a whole batch.
/// </summary>
[RequiresUnreferencedCode(TrimmingUnsupported)]
[RequiresDynamicCode(TrimmingUnsupported)]
public sealed class ArticleExtractor
{
    /// <summary>What a trimmed or Native AOT publish is told (analyzer warnings IL2026 / IL3050 at the call site).</summary>
    internal const string TrimmingUnsupported =
        "Extract does not support trimming or Native AOT: its page-block and entity models run on Microsoft.ML, which builds its row mappers with reflection and Reflection.Emit. Publish without PublishTrimmed / PublishAot.";

    private static readonly Lazy<ArticleExtractor> SharedDefault = new(() => new ArticleExtractor(ExtractorOptions.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly DocumentDecoder _decoder = new();
    private readonly HtmlPageExtractor _page;
    private readonly TextStage _text;
    private readonly TokenStage _tokens;
    private readonly ImmutableArray<IRecognizer> _recognizers;
    private readonly ArticleAssembler _assembler = new();

    /// <summary>Creates an extractor with the given options.</summary>
    public ArticleExtractor(ExtractorOptions options)
        : this(options, null)
    {
    }

    /// <summary>
    /// Creates an extractor whose learned entity decision is <paramref name="decision"/> and whose name tagger is
    /// <paramref name="tagger"/> (the training tools' way in: cross-validation with models that never saw the held-out articles).
    /// </summary>
    internal ArticleExtractor(ExtractorOptions options, EntityDecisionModel? decision, NameTagger? tagger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
        {
            throw new PlatformNotSupportedException(TrimmingUnsupported);
        }

        if (options.MaxInputLength <= 0 || options.MaxDomDepth <= 0 || options.MaxDegreeOfParallelism <= 0 || options.KeywordCount < 0
            || options.MaxBodyLength <= 0 || options.MaxMarkupLength <= 0 || options.MaxClauseLength <= 0 || options.MaxEntityLength <= 0 || options.MaxMentionsPerName <= 0
            || (options.DocumentTimeout <= TimeSpan.Zero && options.DocumentTimeout != Timeout.InfiniteTimeSpan))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                "MaxInputLength, MaxDomDepth, MaxMarkupLength, MaxDegreeOfParallelism, MaxBodyLength, MaxClauseLength, MaxEntityLength, MaxMentionsPerName and DocumentTimeout must be positive (DocumentTimeout may be infinite); KeywordCount not negative.");
        }

        Options = options;
        Preload(options, decision is null && options.EntityModel is null, tagger is null);
        _page = options.PageModel is { } pageModel ? new HtmlPageExtractor(pageModel.Decision) : new HtmlPageExtractor();
        _tokens = options.Tokenizer is null ? new TokenStage(Segmenter(options)) : new TokenStage(PosSegmenter.Default, options.Tokenizer);
        _text = new TextStage(Surnames.Default);
        var (gazetteer, lexicons) = EntityResources(options);
        _recognizers = [
            new DateRecognizer(),
            new QuantityRecognizer(),
            .. EntityRecognizers(options.Entities, decision ?? options.EntityModel?.Decision, tagger, gazetteer, lexicons),
            new AchievementRecognizer(
                options.AchievementModel?.Decision ?? AchievementDecisionModel.Default,
                options.MaxClauseLength,
                options.UseLearnedActors ? ActorRankerModel.Default : null),
            new KeywordRecognizer(TfidfExtractor.Default, options.KeywordCount),
        ];
    }

    /// <summary>An extractor with <see cref="ExtractorOptions.Default"/>, shared.</summary>
    public static ArticleExtractor Default => SharedDefault.Value;

    /// <summary>The options this extractor was built with.</summary>
    public ExtractorOptions Options { get; }

    /// <summary>
    /// Extracts one document. Every failure of the document itself comes back as an error result with its kind and stage
    /// (too large, binary, over <see cref="ExtractorOptions.DocumentTimeout"/>, a defect); only cancellation of
    /// <paramref name="cancellationToken"/> throws.
    /// </summary>
    public ExtractionResult Extract(ArticleSource source, CancellationToken cancellationToken = default) =>
        ExtractTimed(source, null, cancellationToken);

    /// <summary>As <see cref="Extract(ArticleSource, CancellationToken)"/>, adding each stage's time and allocation to <paramref name="timings"/>.</summary>
    internal ExtractionResult ExtractTimed(ArticleSource source, StageTimings? timings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Options.DocumentTimeout != Timeout.InfiniteTimeSpan)
        {
            budget.CancelAfter(Options.DocumentTimeout);
        }

        var stage = new StageTracker(timings);
        try
        {
            return ExtractionResult.Success(Run(source, stage, budget.Token));
        }
        catch (ExtractionException e)
        {
            return ExtractionResult.Failure(source.Id, e.Message, e.Kind, stage.Name);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ExtractionResult.Failure(
                source.Id,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"over the time budget of {Options.DocumentTimeout.TotalSeconds:0.###} s in the {stage.Name} stage"),
                ExtractionErrorKind.Timeout,
                stage.Name);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException e)
        {
            return ExtractionResult.Failure(source.Id, $"a pattern ran over its time limit in the {stage.Name} stage: {e.Pattern}", ExtractionErrorKind.Timeout, stage.Name);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A defect in one stage must not lose the rest of a batch: report it against this document.
            // The method that threw goes into the message, so that a user's report of the record names the defect's place.
            return ExtractionResult.Failure(source.Id, $"internal error: {e.GetType().Name} in {ThrownIn(e)}: {e.Message}", ExtractionErrorKind.Internal, stage.Name);
        }
        finally
        {
            timings?.Stop();
        }
    }

    /// <summary>
    /// Extracts a stream of documents in parallel (<see cref="ExtractorOptions.MaxDegreeOfParallelism"/>) and yields
    /// one result per input, in input order.
    /// </summary>
    public IAsyncEnumerable<ExtractionResult> ExtractAsync(
        IAsyncEnumerable<ArticleSource> sources,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return OrderedParallel.Map(sources, Extract, Options.MaxDegreeOfParallelism, cancellationToken);
    }

    #region Batch and async overloads

    /// <summary>
    /// Extracts a sequence of documents in parallel (<see cref="ExtractorOptions.MaxDegreeOfParallelism"/>) and yields
    /// one result per input, in input order. The sequence is read lazily, a few documents ahead of the consumer.
    /// </summary>
    public IAsyncEnumerable<ExtractionResult> ExtractAsync(
        IEnumerable<ArticleSource> sources,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return ExtractAsync(AsAsync(sources), cancellationToken);
    }

    /// <summary>Extracts one document on the thread pool; as <see cref="Extract"/>, failures come back as an error result.</summary>
    public Task<ExtractionResult> ExtractAsync(ArticleSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Task.Run(() => Extract(source, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Loads the shared embedded models this extractor will read side by side (each is built once per process, on
    /// first use): the dictionary, the name tagger, the gazetteer and lexicons, and the two ML.NET decisions are
    /// independent, so on more than one core the start costs about the longest of them instead of their sum. A load
    /// that fails throws its own exception, as it would on first use. The page-block model is left to the first page.
    /// </summary>
    private static void Preload(ExtractorOptions options, bool sharedDecision, bool sharedTagger)
    {
        var loads = new List<Action>
        {
            () => _ = (options.UserWords.IsDefaultOrEmpty ? PosSegmenter.Default : null, TfidfExtractor.Default),
            () => _ = (Gazetteer.Default, EntityLexicons.Default, CommonWords.Default, Surnames.Default, TraditionalChinese.Default, UnitLexicon.Default),
            () => _ = options.AchievementModel is null ? AchievementDecisionModel.Default : null,
        };
        if (sharedTagger && options.Entities != EntityStrategy.Rules)
        {
            loads.Add(() => _ = NameTagger.Default);
        }

        if (sharedDecision && options.Entities == EntityStrategy.Learned)
        {
            loads.Add(() => _ = EntityDecisionModel.Default);
        }

        try
        {
            Parallel.Invoke([.. loads]);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    /// <summary>The shared POS segmenter, or one of this extractor's own with <see cref="ExtractorOptions.UserWords"/> loaded.</summary>
    private static PosSegmenter Segmenter(ExtractorOptions options)
    {
        if (options.UserWords.IsDefaultOrEmpty)
        {
            return PosSegmenter.Default;
        }

        var segmenter = new JiebaSegmenter();
        segmenter.LoadUserDictionary(new StringReader(string.Join('\n', options.UserWords)));
        return new PosSegmenter(segmenter);
    }

    /// <summary>
    /// The shared gazetteer and lexicons, or this extractor's own with <see cref="ExtractorOptions.UserDivisions"/>,
    /// <see cref="ExtractorOptions.UserPlaces"/> and <see cref="ExtractorOptions.UserOrganizations"/> added.
    /// </summary>
    private static (Gazetteer Gazetteer, EntityLexicons Lexicons) EntityResources(ExtractorOptions options)
    {
        var gazetteer = options.UserDivisions.IsDefaultOrEmpty && options.UserPlaces.IsDefaultOrEmpty
            ? Gazetteer.Default
            : Gazetteer.Default.With(options.UserDivisions.IsDefault ? [] : options.UserDivisions, options.UserPlaces.IsDefault ? [] : options.UserPlaces);
        var lexicons = options.UserOrganizations.IsDefaultOrEmpty
            ? EntityLexicons.Default
            : EntityLexicons.Default.WithOrganizations(options.UserOrganizations);
        return (gazetteer, lexicons);
    }

    private static async IAsyncEnumerable<ArticleSource> AsAsync(IEnumerable<ArticleSource> sources)
    {
        foreach (var source in sources)
        {
            yield return source;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    #endregion

    /// <summary>
    /// The entity steps for <paramref name="strategy"/>, in order (the evaluation tools run the same list): the sources
    /// that propose (stage 5), the one decision (Recognition/Entities) and the resolution that adds to it (stage 6); <paramref name="decision"/> and <paramref name="tagger"/> replace the embedded entity-decision model and name tagger,
    /// <paramref name="gazetteer"/> and <paramref name="lexicons"/> the embedded gazetteer and lexicons (with a user's entries).
    /// </summary>
    internal static IEnumerable<IRecognizer> EntityRecognizers(
        EntityStrategy strategy,
        EntityDecisionModel? decision = null,
        NameTagger? tagger = null,
        Gazetteer? gazetteer = null,
        EntityLexicons? lexicons = null)
    {
        gazetteer ??= Gazetteer.Default;
        lexicons ??= EntityLexicons.Default;
        var resources = new TaggerResources(gazetteer, Surnames.Default, lexicons);
        if (strategy != EntityStrategy.Rules)
        {
            yield return new NameTagRecognizer(tagger ?? NameTagger.Default);
        }

        if (strategy != EntityStrategy.Tagger)
        {
            yield return new PlaceRecognizer(gazetteer, lexicons);
            yield return new OrganizationRecognizer(lexicons, gazetteer, CommonWords.Default.Contains);
            yield return new PersonRecognizer(Surnames.Default, lexicons, CommonWords.Default.Contains);
        }

        var user = UserNames.Of(gazetteer, lexicons);
        switch (strategy)
        {
            case EntityStrategy.Learned:
                yield return new EntityDecision(
                    decision ?? EntityDecisionModel.Default,
                    new EntityCandidateFeatures(resources, CommonWords.Default.Contains),
                    EntityMerger.HandMerge(),
                    user);
                break;
            case EntityStrategy.Merged or EntityStrategy.Tagger:
                yield return new EntityMerger(strategy, resources, CommonWords.Default.Contains, user);
                break;
            case EntityStrategy.Rules:
                yield return new RulesDecision();
                break;
        }

        // Resolution adds to the decided set: descriptions, occurrences, roles.
        yield return new EntityResolution(new EntityDescriber(gazetteer, lexicons));
    }

    /// <summary>
    /// Stages 1–4 for one source: the clean text and what the recognisers read (simplified characters, same offsets).
    /// The training tools build their rows from the same path.
    /// </summary>
    internal (CleanText Clean, DocumentText Document) Prepare(ArticleSource source, CancellationToken cancellationToken) =>
        Prepare(source, new StageTracker(), cancellationToken);

    private (CleanText Clean, DocumentText Document) Prepare(ArticleSource source, StageTracker stage, CancellationToken cancellationToken)
    {
        stage.Enter("decode");
        var decoded = _decoder.Decode(source, Options, cancellationToken);
        stage.Enter("page");
        var page = decoded.IsHtml
            ? _page.Extract(decoded.Content, source.Url, Options, cancellationToken)
            : PageContent.FromPlainText(decoded.Content);
        cancellationToken.ThrowIfCancellationRequested();
        stage.Enter("text");
        var clean = Truncate(_text.Process(page, cancellationToken), Options.MaxBodyLength);
        if (page.Truncated)
        {
            clean = clean with { Truncated = true };
        }
        cancellationToken.ThrowIfCancellationRequested();

        // The headline is read like the body's first paragraph. Recognisers read simplified characters; the conversion
        // keeps every offset, so mentions map back to the page's own text.
        stage.Enter("tokens", "simplified");
        var (text, bodyStart, paragraphs) = DocumentText.Compose(clean.Title, clean.Body, clean.Paragraphs);
        var analysis = TraditionalChinese.Default.ToSimplified(text);
        stage.Enter("tokens");
        var tokens = _tokens.Tokenize(analysis, cancellationToken);
        var document = new DocumentText(
            analysis,
            paragraphs,
            tokens,
            ReferenceDates.Create(clean.PublishedAt, source.Url, source.FetchedAt, Options.ReferenceDate))
        {
            BodyStart = bodyStart,
            Original = ReferenceEquals(analysis, text) ? null : text,
        };
        return (clean, document);
    }

    /// <summary>
    /// <paramref name="clean"/> with its body cut to at most <paramref name="maxLength"/> code units: at the last line
    /// break in the second half of the allowance, else at the allowance (never between the halves of a surrogate pair);
    /// paragraphs past the cut are dropped and the one it falls in is clipped. The body as is when it fits.
    /// </summary>
    internal static CleanText Truncate(CleanText clean, int maxLength)
    {
        var body = clean.Body;
        if (body.Length <= maxLength)
        {
            return clean;
        }

        var cut = body.LastIndexOf('\n', maxLength - 1, maxLength / 2);
        if (cut < 0)
        {
            cut = char.IsHighSurrogate(body[maxLength - 1]) ? maxLength - 1 : maxLength;
        }

        return clean with
        {
            Body = body[..cut],
            Paragraphs = [.. clean.Paragraphs.Where(p => p.Start < cut).Select(p => p.End <= cut ? p : new TextSpan(p.Start, cut))],
            Truncated = true,
        };
    }

    private Article Run(ArticleSource source, StageTracker stage, CancellationToken cancellationToken)
    {
        var (clean, document) = Prepare(source, stage, cancellationToken);
        var mentions = Mentions.Empty;
        foreach (var recognizer in _recognizers)
        {
            stage.Enter("recognition", recognizer.GetType().Name);
            cancellationToken.ThrowIfCancellationRequested();
            mentions = recognizer.Recognize(document, mentions, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        stage.Enter("record");
        if (document.Original is { } original)
        {
            mentions = SurfaceForms.Restore(mentions, original);
        }

        // Bounds on what one document can put in its record: a name longer than any real one is a misreading, and a name
        // repeated without end lists its first mentions only (the assembler keeps them).
        var maxName = Options.MaxEntityLength;
        mentions = mentions with
        {
            People = [.. mentions.People.Where(p => p.Name.Length <= maxName)],
            Organizations = [.. mentions.Organizations.Where(o => o.Name.Length <= maxName && o.Span.Length <= maxName)],
            Places = [.. mentions.Places.Where(p => p.Name.Length <= maxName && p.Span.Length <= maxName)],
        };
        return _assembler.Assemble(source.Id, source.Url, clean, mentions, document.BodyStart, Options.MaxMentionsPerName) with { Truncated = clean.Truncated };
    }

    /// <summary>The stage a document is in, for its error result.</summary>
    /// <summary>The innermost method of <paramref name="exception"/>'s stack outside the runtime (Type.Method), or "?" without one.</summary>
    internal static string ThrownIn(Exception exception)
    {
        foreach (var frame in new System.Diagnostics.StackTrace(exception, fNeedFileInfo: false).GetFrames())
        {
            if (frame.GetMethod() is { DeclaringType: { } type } method
                && !(type.Namespace ?? "").StartsWith("System", StringComparison.Ordinal)
                && !(type.Namespace ?? "").StartsWith("Microsoft", StringComparison.Ordinal))
            {
                // A lambda or iterator sits in a nested compiler type (<>c, <Method>d__3): name the type that holds it.
                while (type.DeclaringType is { } outer && type.Name.Contains('<', StringComparison.Ordinal))
                {
                    type = outer;
                }

                return $"{type.Name}.{method.Name}";
            }
        }

        return "?";
    }

    private sealed class StageTracker(StageTimings? timings = null)
    {
        public string Name { get; private set; } = "decode";

        /// <summary>Enters <paramref name="name"/>; <paramref name="part"/> names it finer for the timings (a recogniser).</summary>
        public void Enter(string name, string? part = null)
        {
            Name = name;
            timings?.Enter(part ?? name);
        }
    }
}
