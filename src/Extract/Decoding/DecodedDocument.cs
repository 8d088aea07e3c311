namespace Extract.Decoding;

/// <summary>Output of the decoding stage: the document as a string, and whether it is HTML.</summary>
/// <param name="Content">The decoded text or markup.</param>
/// <param name="IsHtml">True when the content is HTML markup.</param>
/// <param name="Charset">The charset used to decode bytes; null when the input was already a string.</param>
internal sealed record DecodedDocument(string Content, bool IsHtml, string? Charset);
