namespace Extract;

/// <summary>How people, places and organisations are found: the rule layer, the trained name tagger, or both.</summary>
public enum EntityStrategy
{
    /// <summary>
    /// The default: the rule layer (gazetteer, suffix grammar, surname rules) and the trained name tagger propose, and a
    /// learned model (models/entities) decides which proposals are names, of what type, where they overlap.
    /// </summary>
    Learned = 0,

    /// <summary>
    /// The rule layer and the trained name tagger by a hand-written policy: rules win where both speak; the tagger adds
    /// confident names no rule found when the lexicons agree with their type.
    /// </summary>
    Merged,

    /// <summary>The rule layer alone: faster, and its output depends only on the lexicons in <c>models/</c>.</summary>
    Rules,

    /// <summary>The trained name tagger alone (for evaluation and comparison): its spans, described by the same lexicons.</summary>
    Tagger,
}
