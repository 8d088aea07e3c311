using System.Collections.Immutable;
using Extract.Recognition.Names;

namespace Extract.Recognition.Places;

/// <summary>A gazetteer name found in the body with every division it may name.</summary>
internal sealed record GazetteerMatch(TextSpan Span, ImmutableArray<DivisionName> Candidates)
{
    /// <summary>The strongest form among the candidates (full beats short beats former).</summary>
    public NameForm BestForm => Candidates.Min(c => c.Form);
}

/// <summary>Finds gazetteer names in the body: leftmost-longest matches through the name trie, linear in the text.</summary>
internal sealed class GazetteerScanner
{
    private readonly Gazetteer _gazetteer;

    public GazetteerScanner(Gazetteer gazetteer) => _gazetteer = gazetteer;

    public List<GazetteerMatch> Scan(string text, CancellationToken cancellationToken)
    {
        var matches = new List<GazetteerMatch>();
        var i = 0;
        while (i < text.Length)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!NameText.IsCjk(text[i]))
            {
                i++;
                continue;
            }

            (int Length, ImmutableArray<DivisionName> Names) best = default;
            foreach (var prefix in _gazetteer.Names.PrefixesAt(text, i))
            {
                if (prefix.Length >= 2)
                {
                    best = prefix;
                }
            }

            if (best.Length == 0)
            {
                i++;
                continue;
            }

            matches.Add(new GazetteerMatch(new TextSpan(i, i + best.Length), best.Names));
            i += best.Length;
        }

        return matches;
    }
}
