using System.Collections.Immutable;
using Extract.Recognition;
using Extract.Text;

namespace Extract.Resolution;

/// <summary>
/// Stage 6: clean text + mentions → <see cref="Article"/>. Merges mentions by surface form, adds byline people and the
/// metadata publish date, and tells title mentions from body ones: the recognisers read the headline, a line break and
/// the body as one text (<see cref="DocumentText.Compose"/>), so a span before <c>bodyStart</c> is in the title and
/// one after it, shifted, in the body.
/// </summary>
internal sealed class ArticleAssembler
{
    /// <summary>
    /// The record of one document; each person, organisation and place lists at most <paramref name="maxMentionsPerName"/>
    /// body mentions, its first ones (a name repeated without end is a bound, not more information).
    /// </summary>
    public Article Assemble(string id, string? url, CleanText text, Mentions mentions, int bodyStart = 0, int maxMentionsPerName = int.MaxValue)
    {
        var split = new TitleSplit(bodyStart, maxMentionsPerName);
        return new Article
        {
            Id = id,
            Url = url,
            Title = text.Title,
            Outlet = text.Outlet,
            PublishedAt = text.PublishedAt,
            Authors = text.Authors,
            Editors = text.Editors,
            Body = text.Body,
            Removed = text.Removed,
            Keywords = mentions.Keywords,
            People = People(text, mentions.People, split),
            Organizations = [.. mentions.Organizations
                .GroupBy(o => o.Name, StringComparer.Ordinal)
                .Select(g => new Organization
                {
                    Name = g.Key,
                    Kind = g.First().Kind,
                    Mentions = split.Body(g.Select(o => (TextSpan?)o.Span)),
                    TitleMentions = split.Title(g.Select(o => (TextSpan?)o.Span)),
                })],
            Places = [.. mentions.Places
                .GroupBy(p => p.Name, StringComparer.Ordinal)
                .Select(g => new Place
                {
                    Name = g.Key,
                    Level = g.First().Level,
                    Code = g.Select(p => p.Code).FirstOrDefault(c => c is not null),
                    Path = g.Select(p => p.Path).FirstOrDefault(p => !p.IsDefaultOrEmpty, []),
                    Mentions = split.Body(g.Select(p => (TextSpan?)p.Span)),
                    TitleMentions = split.Title(g.Select(p => (TextSpan?)p.Span)),
                })],
            Dates = Dates(text, mentions.Dates, split),
            Achievements = Achievements(mentions.Achievements, split),
            IsArticle = text.IsArticle,
        };
    }

    private static ImmutableArray<Person> People(CleanText text, ImmutableArray<PersonMention> mentions, TitleSplit split)
    {
        var all = mentions
            .Concat(text.Authors.Concat(text.Editors).Select(name => new PersonMention(null, name, [], null)));
        return [.. all
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => new Person
            {
                Name = g.Key,
                Roles = [.. g.SelectMany(p => p.Roles).Distinct(StringComparer.Ordinal)],
                Organization = g.Select(p => p.Organization).FirstOrDefault(o => o is not null),
                Mentions = split.Body(g.Select(p => p.Span)),
                TitleMentions = split.Title(g.Select(p => p.Span)),
            })];
    }

    private static ImmutableArray<DateMention> Dates(CleanText text, ImmutableArray<DateValueMention> dates, TitleSplit split)
    {
        var builder = ImmutableArray.CreateBuilder<DateMention>(dates.Length + 1);
        if (text.PublishedAt is { } published && !dates.Any(d => d.Value == published))
        {
            builder.Add(new DateMention { Text = text.PublishedText ?? published, Value = published, Span = null });
        }

        // Each distinct expression with its value once (as the gold records list them), at its first occurrence in the
        // body and its first in the title; the recognisers keep every occurrence in Mentions for linking.
        var index = new Dictionary<(string Text, string Value), int>();
        foreach (var date in dates.OrderBy(d => d.Span.Start))
        {
            var (inTitle, span) = split.Place(date.Span);
            if (span is not { } at)
            {
                continue;
            }

            if (!index.TryGetValue((date.Text, date.Value), out var i))
            {
                index[(date.Text, date.Value)] = builder.Count;
                builder.Add(inTitle
                    ? new DateMention { Text = date.Text, Value = date.Value, TitleSpan = at }
                    : new DateMention { Text = date.Text, Value = date.Value, Span = at });
            }
            else if (!inTitle && builder[i].Span is null)
            {
                builder[i] = builder[i] with { Span = at };
            }
        }

        return builder.ToImmutable();
    }

    // A title achievement that the body states again (same value and unit) is that body achievement, which gains a
    // title span; one the title alone states stands with its title span.
    private static ImmutableArray<Achievement> Achievements(ImmutableArray<Achievement> achievements, TitleSplit split)
    {
        if (split.BodyStart == 0)
        {
            return achievements;
        }

        var title = new List<Achievement>();
        var body = new List<Achievement>();
        foreach (var achievement in achievements)
        {
            if (achievement.Span is not { } span)
            {
                body.Add(achievement);
                continue;
            }

            var (inTitle, at) = split.Place(span);
            if (at is { } moved)
            {
                (inTitle ? title : body).Add(inTitle ? achievement with { Span = null, TitleSpan = moved } : achievement with { Span = moved });
            }
        }

        var titleOnly = new List<Achievement>();
        foreach (var headline in title)
        {
            var same = body.FindIndex(b => b.TitleSpan is null && b.Value == headline.Value && b.Unit == headline.Unit);
            if (same >= 0)
            {
                body[same] = body[same] with { TitleSpan = headline.TitleSpan };
            }
            else
            {
                titleOnly.Add(headline);
            }
        }

        return [.. titleOnly, .. body];
    }

    /// <summary>
    /// Tells title spans (before <see cref="BodyStart"/>) from body ones, which it shifts to body offsets; a name keeps
    /// its first <see cref="MaxBodyMentions"/> body spans.
    /// </summary>
    private readonly record struct TitleSplit(int BodyStart, int MaxBodyMentions)
    {
        /// <summary>(in the title, the span in its own part's offsets); the span is null when it runs across the line break.</summary>
        public (bool InTitle, TextSpan? Span) Place(TextSpan span) =>
            BodyStart == 0 ? (false, span)
            : span.End < BodyStart ? (true, span)
            : span.Start >= BodyStart ? (false, new TextSpan(span.Start - BodyStart, span.End - BodyStart))
            : (false, null);

        public ImmutableArray<TextSpan> Body(IEnumerable<TextSpan?> spans) => Spans(spans, inTitle: false, MaxBodyMentions);

        public ImmutableArray<TextSpan> Title(IEnumerable<TextSpan?> spans) => BodyStart == 0 ? [] : Spans(spans, inTitle: true, int.MaxValue);

        private ImmutableArray<TextSpan> Spans(IEnumerable<TextSpan?> spans, bool inTitle, int max)
        {
            var split = this;
            return [.. spans.Where(s => s.HasValue)
                .Select(s => split.Place(s!.Value))
                .Where(p => p.InTitle == inTitle && p.Span.HasValue)
                .Select(p => p.Span!.Value)
                .Distinct()
                .OrderBy(s => s.Start)
                .Take(max)];
        }
    }
}
