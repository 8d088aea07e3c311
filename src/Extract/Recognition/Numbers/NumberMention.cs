namespace Extract.Recognition.Numbers;

/// <summary>What a numeral expresses.</summary>
internal enum NumberKind
{
    /// <summary>A count or amount: 一千二百三十四, 22.16万.</summary>
    Cardinal,

    /// <summary>An ordinal: 第三 (value 3).</summary>
    Ordinal,

    /// <summary>A percentage: 30%, 百分之三十 (value 30).</summary>
    Percent,

    /// <summary>A fraction: 三分之一 (value 0.333…), 一又二分之一.</summary>
    Fraction,
}

/// <summary>A numeral found in text, with its resolved value; Approx when 余/多/几/上/数 make it approximate.</summary>
internal sealed record NumberMention(TextSpan Span, decimal Value, NumberKind Kind, bool Approx);
