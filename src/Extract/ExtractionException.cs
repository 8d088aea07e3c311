namespace Extract;

/// <summary>An expected failure for one document (too large, binary, undecodable); becomes an error result, never escapes a batch.</summary>
internal sealed class ExtractionException(ExtractionErrorKind kind, string message) : Exception(message)
{
    /// <summary>What kind of failure this is.</summary>
    public ExtractionErrorKind Kind { get; } = kind;
}
