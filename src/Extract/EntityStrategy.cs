namespace Extract;

/// <summary>How people, places and organisations are found: the rule layer, the trained name tagger, or both.</summary>
public enum EntityStrategy
{
    /// <summary>
    /// The default: the rule layer (gazetteer, suffix grammar, surname rules) and the trained name tagger together.
    /// Rules win where both speak; the tagger adds confident names no rule found.
    /// </summary>
    Merged = 0,

    /// <summary>The rule layer alone: faster, and its output depends only on the lexicons in <c>models/</c>.</summary>
    Rules,

    /// <summary>The trained name tagger alone (for evaluation and comparison): its spans, described by the same lexicons.</summary>
    Tagger,
}
