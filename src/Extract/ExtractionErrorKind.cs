namespace Extract;

/// <summary>Why one document gave no article; written as <c>"kind"</c> in the error record (lowercase, hyphenated).</summary>
public enum ExtractionErrorKind
{
    /// <summary>A defect in a stage (a bug to report): the message names the exception.</summary>
    Internal,

    /// <summary>The input could not be read as a document: a malformed JSONL line, text that is not valid Unicode, an unreadable file.</summary>
    InvalidInput,

    /// <summary>The input is over <see cref="ExtractorOptions.MaxInputLength"/>.</summary>
    TooLarge,

    /// <summary>The input looks binary (many control characters), not text or HTML.</summary>
    Binary,

    /// <summary>The document ran over <see cref="ExtractorOptions.DocumentTimeout"/>; the stage it was in is named.</summary>
    Timeout,
}
