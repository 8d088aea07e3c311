namespace Extract;

/// <summary>Immutable settings of an <see cref="ArticleExtractor"/>. Start from <see cref="Default"/> and use <c>with</c>.</summary>
public sealed record ExtractorOptions
{
    /// <summary>
    /// The defaults: 16 MiB input cap, DOM depth 512, parallelism = processor count, learned page blocks, and the bounds
    /// that keep one hostile document from stopping a batch: 30 s per document, 50,000-character body, 200-character
    /// clauses, 40-character entity names, 1,000 mentions per name, 1,000,000 characters of markup per page.
    /// </summary>
    public static ExtractorOptions Default { get; } = new();

    /// <summary>
    /// The date that month-days without a year resolve against when the article states no publish
    /// date and neither its URL nor its crawl time gives one. Null: such dates get <c>--MM-DD</c>.
    /// </summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>Inputs larger than this (bytes, or UTF-16 code units for strings) become an error result.</summary>
    public int MaxInputLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// The time budget of one document, a safety net that ordinary and hostile input alike should never reach (every
    /// stage is linear in the document's length, and <see cref="MaxBodyLength"/> bounds that length; a 50,000-character
    /// body takes a few seconds on one core). Generous on purpose: a budget a loaded machine can overrun would make a
    /// record depend on the machine. A document over it
    /// becomes an error result of kind <see cref="ExtractionErrorKind.Timeout"/> naming the stage it was in, not a partial
    /// record: a partial record would depend on the machine's speed. <see cref="Timeout.InfiniteTimeSpan"/>: no budget.
    /// </summary>
    public TimeSpan DocumentTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest clean body analysed, in UTF-16 code units. A longer body is cut at the last line break before this
    /// length (at the length itself when the last half has none), the record says <see cref="Article.Truncated"/>, and
    /// every mention lies in the kept part. Deterministic, unlike the time budget. A long news article is 4,000 to 10,000.
    /// </summary>
    public int MaxBodyLength { get; init; } = 50_000;

    /// <summary>
    /// The longest clause an achievement's text may be: a clause without punctuation longer than this is cut to this
    /// many characters around its quantity.
    /// </summary>
    public int MaxClauseLength { get; init; } = 200;

    /// <summary>People, organisations and places longer than this (UTF-16 code units) are dropped as misreadings.</summary>
    public int MaxEntityLength { get; init; } = 40;

    /// <summary>The mentions listed per person, organisation or place (the first ones in the body); the rest are counted out.</summary>
    public int MaxMentionsPerName { get; init; } = 1000;

    /// <summary>HTML nested deeper than this is flattened below this depth rather than walked.</summary>
    public int MaxDomDepth { get; init; } = 512;

    /// <summary>
    /// The most markup (UTF-16 code units, after decoding) the page stage parses. A longer page first loses its script
    /// and style bodies and comments, which never reach the text; one still longer is cut before the last tag within
    /// this length and its record says <see cref="Article.Truncated"/>. Parsing costs memory in proportion to the
    /// markup, and the record reads at most <see cref="MaxBodyLength"/> characters of it. Real news pages, scripts
    /// and all, stay under the default of 1,000,000 (a million characters of markup carry far more than a body's worth
    /// of text).
    /// </summary>
    public int MaxMarkupLength { get; init; } = 1_000_000;

    /// <summary>How many documents the batch API processes at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>How people, places and organisations are found; <see cref="EntityStrategy.Learned"/> by default.</summary>
    public EntityStrategy Entities { get; init; } = EntityStrategy.Learned;

    /// <summary>
    /// True (the default): each achievement's actor is the learned ranker's choice among the named people, organisations
    /// and places in scope, the rules' pick among its features (models/actors, better than the rules under
    /// cross-validation); false: the clause rules alone.
    /// </summary>
    public bool UseLearnedActors { get; init; } = true;

    /// <summary>How many keywords to keep.</summary>
    public int KeywordCount { get; init; } = 10;

    /// <summary>
    /// True (the default): a trained classifier (an ML.NET model embedded in the library, loaded once on first use)
    /// decides which text blocks of an HTML page are the article, with the hand-written block scorer as one of its
    /// inputs. False: the hand-written block scorer alone picks the article area, as in earlier versions; no model is
    /// loaded. Plain-text input is not affected.
    /// </summary>
    public bool UseLearnedPageBlocks { get; init; } = true;

    /// <summary>
    /// The word segmenter of stage 4 (the tokens the recognisers read); null (the default): the built-in Jieba-compatible
    /// segmenter with <see cref="UserWords"/>. When set, <see cref="UserWords"/> does not reach stage 4 (load them into
    /// the tokenizer); keywords and the name tagger's segmenter features keep the embedded dictionary. Tokens that do
    /// not tile the body make the document fail with <see cref="ExtractionErrorKind.Internal"/>, naming the tokenizer.
    /// </summary>
    public ITokenizer? Tokenizer { get; init; }

    #region User lexicons

    /// <summary>
    /// User words for the segmenter of stage 4 (the tokens the recognisers read), one entry per word in Jieba's user
    /// dictionary format: <c>word [freq] [tag]</c> (<c>紫荆湾社区 ns</c>). Empty (the default): the embedded dictionary alone.
    /// Keywords and the name tagger's segmenter features keep the embedded dictionary.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<string> UserWords { get; init; } = [];

    /// <summary>
    /// Extra gazetteer entries: place name → administrative division code (NBS codes: 2 digits a province, 4 a city,
    /// 6 a county, 9 a township, 12 a village or community). A name found in the text becomes a place with that code,
    /// its level and its path: a code the gazetteer holds gives that division another name (a new or local name); a new
    /// code becomes a division under the longest code prefix the gazetteer holds (<c>new UserDivision("翠微坪", "431102001001")</c>).
    /// Every <see cref="Entities"/> strategy keeps a span that is exactly one of these names, whatever the learned
    /// decision's score, and prefers it to any other name it overlaps (<see cref="EntityStrategy.Learned"/> keeps it
    /// as if the model were sure; <see cref="EntityStrategy.Tagger"/> adds it beside the tagger's names).
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<UserDivision> UserDivisions { get; init; } = [];

    /// <summary>
    /// Place names recognised as written, with their level and no code: venues, compounds, places abroad
    /// (<c>new UserPlace("滨江花园", PlaceLevel.Compound)</c>). Every <see cref="Entities"/> strategy keeps them as written,
    /// whatever the learned decision's score, over any other name they overlap.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<UserPlace> UserPlaces { get; init; } = [];

    /// <summary>
    /// Organisation names recognised as written, with their kind (<c>new UserOrganization("金穗", OrganizationKind.Team)</c>);
    /// they join the library's list of names found without the suffix grammar (a name given twice: the last kind).
    /// Every <see cref="Entities"/> strategy keeps them as written, whatever the learned decision's score, over any other
    /// name they overlap.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<UserOrganization> UserOrganizations { get; init; } = [];

    #endregion

    #region Models

    /// <summary>
    /// The learned entity decision used with <see cref="EntityStrategy.Learned"/>: a model retrained with
    /// <c>train-entities</c> (<see cref="Extract.EntityModel.FromFile"/>). Null (the default): the embedded model.
    /// </summary>
    public EntityModel? EntityModel { get; init; }

    /// <summary>
    /// The page-block model used when <see cref="UseLearnedPageBlocks"/> is true: a model retrained with
    /// <c>train-page</c> (<see cref="Extract.PageModel.FromFile"/>). Null (the default): the embedded model.
    /// </summary>
    public PageModel? PageModel { get; init; }

    /// <summary>
    /// The learned achievement decision: a model retrained with <c>train-achievements</c>
    /// (<see cref="Extract.AchievementModel.FromFile"/>). Null (the default): the embedded model.
    /// </summary>
    public AchievementModel? AchievementModel { get; init; }

    #endregion
}
