namespace Extract;

/// <summary>How people, places and organisations are found: the rule layer, the trained name tagger, and how they combine.</summary>
public enum EntityStrategy
{
    /// <summary>
    /// The rule layer (gazetteer, suffix grammar, surname rules) and the trained name tagger by a hand-written policy:
    /// rules win where both speak; the tagger adds confident names no rule found when the lexicons agree with their type;
    /// a person the rules took on weak cues alone needs the tagger to agree. Written looking at the seed articles; below
    /// <see cref="Learned"/> on articles it was not written on (see README's results).
    /// </summary>
    Merged = 0,

    /// <summary>
    /// The rule layer and the trained name tagger propose, and a learned model (models/entities) decides which proposals
    /// are names, of what type, where they overlap. The default: better than <see cref="Merged"/> on articles the rules
    /// were not written on (cross-validated corpus articles, real crawled pages, MSRA newswire; see README's results).
    /// </summary>
    Learned,

    /// <summary>The rule layer alone: faster, and its output depends only on the lexicons in <c>models/</c>.</summary>
    Rules,

    /// <summary>The trained name tagger alone (for evaluation and comparison): its spans, described by the same lexicons.</summary>
    Tagger,
}
