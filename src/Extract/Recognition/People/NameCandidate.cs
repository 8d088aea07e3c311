namespace Extract.Recognition.People;

/// <summary>How strongly the text around a candidate says it is a person's name.</summary>
internal enum NameEvidence
{
    /// <summary>Nothing around it.</summary>
    None,

    /// <summary>A weak cue (after a closing quote or 的); enough only when repeated.</summary>
    Weak,

    /// <summary>A title before it, a quoting verb or 同志 after it, an organisation before it, or a segmenter nr tag.</summary>
    Strong,
}

/// <summary>A surname + given-name candidate at a position, with the evidence around it.</summary>
internal sealed record NameCandidate(TextSpan Span, string Name, NameEvidence Evidence)
{
    /// <summary>True when the candidate is also a common word (管理, 余波): it then needs evidence on both sides or an enumeration.</summary>
    public bool IsCommonWord { get; init; }

    /// <summary>True when a quoting verb (说, 表示) follows.</summary>
    public bool QuotedOnRight { get; init; }

    /// <summary>True when the evidence comes from the left (a title or an organisation before the name).</summary>
    public bool TitledOnLeft { get; init; }

    /// <summary>True when the only strong evidence is the segmenter's nr tag (no title before, no follow word after).</summary>
    public bool SegmenterOnly { get; init; }

    /// <summary>True when punctuation, a word that follows names or a title comes right after the name.</summary>
    public bool BoundedOnRight { get; init; }
}
