namespace Extract;

/// <summary>An expected failure for one document (too large, binary, undecodable); becomes an error result, never escapes a batch.</summary>
internal sealed class ExtractionException(string message) : Exception(message);
