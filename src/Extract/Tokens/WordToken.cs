namespace Extract.Tokens;

/// <summary>A segmenter token with its POS tag and UTF-16 span in the body.</summary>
internal readonly record struct WordToken(string Word, string Tag, int Start, int End);
