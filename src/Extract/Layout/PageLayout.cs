using System.Collections.Immutable;

namespace Extract.Layout;

/// <summary>One block-level element of the page, in document order.</summary>
/// <param name="Parent">Index of the enclosing block in <see cref="PageLayout.Blocks"/>, -1 for the root.</param>
/// <param name="End">Index of the last block inside this one (its subtree is Blocks[index..End]).</param>
/// <param name="Tag">The element's local name.</param>
/// <param name="Hint">What its tag, class and id say: +1 article-like, -1 furniture-like, -2 unmistakable furniture, 0 nothing.</param>
/// <param name="Names">Its class and id attributes joined by a space ("" when it has neither, cut at 200 characters).</param>
internal readonly record struct PageBlock(int Parent, int End, string Tag, int Hint, string Names = "");

/// <summary>One line of text: the inline content between two block boundaries or line breaks.</summary>
/// <param name="Text">The text as written, whitespace collapsed.</param>
/// <param name="Block">The block that holds the line.</param>
/// <param name="Chars">Letters and digits (CJK included).</param>
/// <param name="LinkChars">Letters and digits inside links.</param>
/// <param name="Punctuation">Sentence punctuation marks (，。！？；：、 and ASCII , . ! ? ;).</param>
/// <param name="InFurniture">True when an enclosing element's class/id marks it as furniture (share, comment, related…).</param>
internal readonly record struct PageLine(string Text, int Block, int Chars, int LinkChars, int Punctuation, bool InFurniture)
{
    /// <summary>Share of the line's characters inside links.</summary>
    public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;

    /// <summary>
    /// True for a line that is mostly link text: a navigation item, a headline in a list. A long line with several
    /// punctuation marks is prose even inside a link (forums that link whole posts).
    /// </summary>
    public bool IsLinks => LinkDensity > 0.5 && !(Punctuation >= 3 && Chars >= 50);
}

/// <summary>The visible page as blocks and lines, in document order. Produced by the page stage's <c>PageWalker</c>.</summary>
/// <param name="Blocks">Block-level elements; index 0 is the body.</param>
/// <param name="Lines">Text lines; each names the block holding it.</param>
internal sealed record PageLayout(ImmutableArray<PageBlock> Blocks, ImmutableArray<PageLine> Lines)
{
    /// <summary>True when block <paramref name="inner"/> is <paramref name="outer"/> or inside it.</summary>
    public bool Contains(int outer, int inner) => inner >= outer && inner <= Blocks[outer].End;

    /// <summary>The text of the document's first &lt;title&gt; element, as written.</summary>
    public string? Title { get; init; }

    /// <summary>Meta tags and microdata of the page as (name, content) pairs, names as written.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Meta { get; init; } = [];

    /// <summary>The content of the first meta tag named one of <paramref name="names"/> (case-insensitive), in the order of the names.</summary>
    public string? MetaValue(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            foreach (var (key, value) in Meta)
            {
                if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }
        }

        return null;
    }
}
