using Extract.Recognition.Names;
using Extract.Resources;
using Extract.Tokens;

namespace Extract.Recognition.People;

/// <summary>
/// Proposes person names: a surname from the list + one or two given-name characters, the length chosen by what
/// follows (王宁完成 → 王宁), rejected when it starts a title (王书记), a common word or lies inside a place or an
/// organisation; each candidate carries the evidence around it.
/// </summary>
internal sealed class NameCandidateFinder
{
    // Characters that do not end a given name: function words and measure words (的, 了, 一, 个 …).
    private const string NonNameChars = "的了在和与及等说是为给也都还就将把被向从对们这那个一上下不有人中里后前时年日名位次户岁而";

    // Surname characters that, in running text, are far more often a function word (中 in 党员中选派, 多 in 多跑腿).
    private const string FunctionSurnames = "中多";

    private readonly Surnames _surnames;
    private readonly EntityLexicons _lexicons;
    private readonly Func<string, bool>? _isCommonWord;

    public NameCandidateFinder(Surnames surnames, EntityLexicons lexicons, Func<string, bool>? isCommonWord)
    {
        _surnames = surnames;
        _lexicons = lexicons;
        _isCommonWord = isCommonWord;
    }

    public List<NameCandidate> Find(DocumentText document, IReadOnlyList<TextSpan> taken, CancellationToken cancellationToken)
    {
        var text = document.Body;
        var takenEnds = taken.Select(t => t.End).ToHashSet();
        var covered = new SpanCoverage(text.Length, taken);
        // Jieba's nr tag on two-character words is mostly its HMM guessing at unknown words (楼宇, 商超, 谢谢):
        // only three-character nr tokens count as evidence of a name.
        var nrStarts = document.Tokens.Where(t => t.Tag == "nr" && t.End - t.Start >= 3).ToDictionary(t => t.Start, t => t.End);
        var candidates = new List<NameCandidate>();
        for (var p = 0; p < text.Length; p++)
        {
            if ((p & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!NameText.IsCjk(text[p]))
            {
                continue;
            }

            var surname = _surnames.SurnameLength(text.AsSpan(p, Math.Min(5, text.Length - p)));
            if (surname == 0 || Rejected(text, p, surname))
            {
                continue;
            }

            var length = ChooseLength(text, p, surname, nrStarts);
            if (length == 0)
            {
                continue;
            }

            var span = new TextSpan(p, p + length);
            if (covered.Overlaps(span))
            {
                continue;
            }

            var name = text.Substring(p, length);
            if (!_surnames.IsPlausibleName(name) || StartsLongerWord(text, p, length))
            {
                continue;
            }

            var evidence = Evidence(text, span, takenEnds, nrStarts);
            var titled = _lexicons.Titles.LongestEndingAt(text, span.Start) > 0 || takenEnds.Contains(span.Start);
            var follow = FollowKind(text, span.End);
            candidates.Add(new NameCandidate(span, name, evidence)
            {
                SegmenterOnly = evidence == NameEvidence.Strong && !titled && follow is not ("E" or "Q"),
                IsCommonWord = IsCommon(name),
                QuotedOnRight = follow == "Q",
                TitledOnLeft = titled,
                BoundedOnRight = span.End >= text.Length || !NameText.IsCjk(text[span.End]) || _lexicons.NameFollowWords.LongestAt(text, span.End) > 0
                    || _lexicons.Titles.LongestAt(text, span.End) > 0,
            });
        }

        return candidates;
    }

    // The given name must not start a title (王书记), a generic or boundary word, and the candidate must not be a title itself (干部).
    private bool Rejected(string text, int p, int surname)
    {
        var given = p + surname;
        return given >= text.Length
            || (p > 0 && char.IsDigit(text[p - 1]))
            || FunctionSurnames.Contains(text[p], StringComparison.Ordinal)
            || _lexicons.BoundaryWords.LongestAt(text, p) >= 1
            || _lexicons.Titles.LongestEndingAt(text, p + 1) >= 2
            || _lexicons.OrgSuffixes.LongestAt(text, given) >= 2
            || _lexicons.Titles.LongestAt(text, p) >= 2
            || _lexicons.Titles.LongestAt(text, given) > 0
            || _lexicons.GenericHeads.LongestAt(text, given) >= 2
            || _lexicons.GenericHeads.LongestAt(text, p) >= 2
            || _lexicons.BoundaryWords.LongestAt(text, p) >= 2
            || _lexicons.OrgSuffixes.LongestAt(text, p) >= 2;
    }

    private int ChooseLength(string text, int p, int surname, Dictionary<int, int> nrStarts)
    {
        if (nrStarts.TryGetValue(p, out var nrEnd) && nrEnd - p is >= 2 and <= 4)
        {
            return nrEnd - p;
        }

        var one = p + surname + 1;
        if (one > text.Length || !IsGivenChar(text[one - 1]))
        {
            return 0;
        }

        var twoValid = one < text.Length && IsGivenChar(text[one]);

        // A word that follows names right after two given characters keeps them (唐明月老人).
        if (twoValid && one + 1 < text.Length && _lexicons.NameFollowWords.LongestAt(text, one + 1) >= 2)
        {
            return surname + 2;
        }

        // A word that follows names, a title, a boundary or any common word starting right after one given character
        // ends the name there (王宁完成, 接龙统计).
        if (twoValid && _isCommonWord is not null && one + 2 <= text.Length && _isCommonWord(text.Substring(one, 2)))
        {
            return surname + 1;
        }

        if (!twoValid || _lexicons.NameFollowWords.LongestAt(text, one) >= 2 || _lexicons.Titles.LongestAt(text, one) > 0
            || _lexicons.BoundaryWords.LongestAt(text, one) >= 2)
        {
            return surname + 1;
        }

        return surname + 2;
    }

    // The candidate, or the word its first two characters make (管理制, 文明网), is a common word.
    private bool IsCommon(string name) =>
        _isCommonWord is not null && (_isCommonWord(name) || (name.Length == 3 && _isCommonWord(name[..2])));

    // "Q" for a quoting verb, "E" for another evidence word (同志, 一行), "" otherwise.
    private string FollowKind(string text, int end)
    {
        var follow = end < text.Length ? _lexicons.NameFollowWords.LongestAt(text, end) : 0;
        return follow > 0 ? _lexicons.NameFollowWords.Column(text.Substring(end, follow), 0) : "";
    }

    // The candidate is the start of a longer common word or idiom (义无反顾, 闻令而动).
    private bool StartsLongerWord(string text, int p, int length)
    {
        if (_isCommonWord is null)
        {
            return false;
        }

        for (var l = length + 1; l <= 4 && p + l <= text.Length; l++)
        {
            if (_isCommonWord(text.Substring(p, l)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsGivenChar(char c) => NameText.IsCjk(c) && !NonNameChars.Contains(c, StringComparison.Ordinal);

    private NameEvidence Evidence(string text, TextSpan span, HashSet<int> takenEnds, Dictionary<int, int> nrStarts)
    {
        if (nrStarts.TryGetValue(span.Start, out var nrEnd) && nrEnd == span.End)
        {
            return NameEvidence.Strong;
        }

        if (_lexicons.Titles.LongestEndingAt(text, span.Start) > 0 || takenEnds.Contains(span.Start))
        {
            return NameEvidence.Strong;
        }

        if (FollowKind(text, span.End) is "E" or "Q")
        {
            return NameEvidence.Strong;
        }

        var before = span.Start > 0 ? text[span.Start - 1] : '\n';
        return before is '”' or '的' or '\n' or '，' or ',' or '。' ? NameEvidence.Weak : NameEvidence.None;
    }
}
