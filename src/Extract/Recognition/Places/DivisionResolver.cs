namespace Extract.Recognition.Places;

/// <summary>
/// Picks the division each gazetteer match names, using the other places of the article: a candidate under (or over) a
/// place the article names unambiguously wins, then one chained right after its parent (宿州市埇桥区), then the
/// strongest form and the highest level.
/// </summary>
internal sealed class DivisionResolver
{
    private readonly Gazetteer _gazetteer;

    public DivisionResolver(Gazetteer gazetteer) => _gazetteer = gazetteer;

    public int[] Resolve(IReadOnlyList<GazetteerMatch> matches)
    {
        // Divisions named by a full, unambiguous name anchor the article.
        var anchors = new HashSet<int>();
        foreach (var match in matches)
        {
            var full = match.Candidates.Where(c => c.Form == NameForm.Full).ToList();
            if (full.Count == 1)
            {
                anchors.Add(full[0].Division);
            }
            else if (match.Candidates.Length == 1)
            {
                anchors.Add(match.Candidates[0].Division);
            }
        }

        var chosen = new int[matches.Count];
        for (var m = 0; m < matches.Count; m++)
        {
            var match = matches[m];
            var previous = m > 0 && matches[m - 1].Span.End == match.Span.Start ? chosen[m - 1] : -1;
            var best = -1;
            var bestScore = double.MinValue;
            foreach (var candidate in match.Candidates)
            {
                var division = _gazetteer[candidate.Division];
                var score = 0.0;
                if (previous >= 0 && _gazetteer.IsWithin(candidate.Division, previous))
                {
                    score += 100;
                }

                foreach (var anchor in anchors)
                {
                    if (anchor != candidate.Division && (_gazetteer.IsWithin(candidate.Division, anchor) || _gazetteer.IsWithin(anchor, candidate.Division)))
                    {
                        score += 10;
                    }
                }

                score -= 3 * (int)candidate.Form;
                score -= (int)division.Level * 0.5;
                if (score > bestScore)
                {
                    bestScore = score;
                    best = candidate.Division;
                }
            }

            chosen[m] = best;
        }

        return chosen;
    }
}
