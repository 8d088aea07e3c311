namespace Extract.Segmentation;

/// <summary>Placeholder until the segmenter lands (issue 3): splits text into single characters.</summary>
public sealed class JiebaSegmenter
{
    /// <summary>Splits <paramref name="text"/> into words.</summary>
    public IEnumerable<string> Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            yield return c.ToString();
        }
    }
}
