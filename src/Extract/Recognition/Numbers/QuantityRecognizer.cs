using System.Collections.Immutable;

namespace Extract.Recognition.Numbers;

/// <summary>Every number + unit in the body (<see cref="QuantityExtractor"/>), except those inside a date or time already recognised.</summary>
internal sealed class QuantityRecognizer : IRecognizer
{
    private readonly QuantityExtractor _extractor;

    public QuantityRecognizer()
        : this(new QuantityExtractor(new NumberExtractor(), UnitLexicon.Default))
    {
    }

    public QuantityRecognizer(QuantityExtractor extractor) => _extractor = extractor;

    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken)
    {
        var dates = found.Dates;
        var quantities = _extractor.Extract(document.Body, cancellationToken)
            .Where(q => !dates.Any(d => d.Span.Start < q.Span.End && q.Span.Start < d.Span.End))
            .ToImmutableArray();
        return found with { Quantities = quantities };
    }
}
