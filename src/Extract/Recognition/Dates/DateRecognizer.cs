namespace Extract.Recognition.Dates;

/// <summary>Dates and times in the body: <see cref="DateExtractor"/> finds the expressions, <see cref="DateResolver"/> gives their values.</summary>
internal sealed class DateRecognizer : IRecognizer
{
    private readonly DateExtractor _extractor = new();
    private readonly DateResolver _resolver = new();

    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var expressions = _extractor.Extract(document.Body);
        var resolved = _resolver.Resolve(document.Body, expressions, document.Paragraphs, document.References.Reference);
        return found with
        {
            Dates = [.. resolved.Select(r => new DateValueMention(r.Expression.Span, document.TextOf(r.Expression.Span), r.Value))],
        };
    }
}
