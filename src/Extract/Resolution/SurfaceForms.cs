namespace Extract.Resolution;

/// <summary>Puts mentions found on the simplified analysis text back into the page's own characters, by span.</summary>
internal static class SurfaceForms
{
    public static Recognition.Mentions Restore(Recognition.Mentions mentions, string original)
    {
        string At(TextSpan span) => original[span.Start..span.End];
        return mentions with
        {
            Dates = [.. mentions.Dates.Select(d => d with { Text = At(d.Span) })],
            Quantities = [.. mentions.Quantities.Select(q => q with { Text = At(q.Span) })],
            Places = [.. mentions.Places.Select(p => p with { Name = At(p.Span) })],
            Organizations = [.. mentions.Organizations.Select(o => o with { Name = At(o.Span) })],
            People = [.. mentions.People.Select(p => p.Span is { } span ? p with { Name = At(span) } : p)],
            Achievements = [.. mentions.Achievements.Select(a => a.Span is { } span ? a with { Text = At(span) } : a)],
        };
    }
}
