using System.Collections.Immutable;
using Extract.Recognition;
using Extract.Text;

namespace Extract.Resolution;

/// <summary>Stage 6: clean text + mentions → <see cref="Article"/>. Merges mentions by surface form, adds byline people and the metadata publish date.</summary>
internal sealed class ArticleAssembler
{
    public Article Assemble(string id, string? url, CleanText text, Mentions mentions)
    {
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
            People = People(text, mentions.People),
            Organizations = [.. mentions.Organizations
                .GroupBy(o => o.Name, StringComparer.Ordinal)
                .Select(g => new Organization { Name = g.Key, Kind = g.First().Kind, Mentions = Spans(g.Select(o => (TextSpan?)o.Span)) })],
            Places = [.. mentions.Places
                .GroupBy(p => p.Name, StringComparer.Ordinal)
                .Select(g => new Place
                {
                    Name = g.Key,
                    Level = g.First().Level,
                    Code = g.Select(p => p.Code).FirstOrDefault(c => c is not null),
                    Path = g.Select(p => p.Path).FirstOrDefault(p => !p.IsDefaultOrEmpty, []),
                    Mentions = Spans(g.Select(p => (TextSpan?)p.Span)),
                })],
            Dates = Dates(text, mentions.Dates),
            Achievements = mentions.Achievements,
            IsArticle = text.IsArticle,
        };
    }

    private static ImmutableArray<Person> People(CleanText text, ImmutableArray<PersonMention> mentions)
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
                Mentions = Spans(g.Select(p => p.Span)),
            })];
    }

    private static ImmutableArray<DateMention> Dates(CleanText text, ImmutableArray<DateValueMention> dates)
    {
        var builder = ImmutableArray.CreateBuilder<DateMention>(dates.Length + 1);
        if (text.PublishedAt is { } published && !dates.Any(d => d.Value == published))
        {
            builder.Add(new DateMention { Text = text.PublishedText ?? published, Value = published, Span = null });
        }

        // Each distinct expression with its value once, at its first occurrence (as the gold records list them);
        // the recognisers keep every occurrence in Mentions for linking.
        var seen = new HashSet<(string Text, string Value)>();
        foreach (var date in dates.OrderBy(d => d.Span.Start))
        {
            if (seen.Add((date.Text, date.Value)))
            {
                builder.Add(new DateMention { Text = date.Text, Value = date.Value, Span = date.Span });
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<TextSpan> Spans(IEnumerable<TextSpan?> spans) =>
        [.. spans.Where(s => s.HasValue).Select(s => s!.Value).Distinct().OrderBy(s => s.Start)];
}
