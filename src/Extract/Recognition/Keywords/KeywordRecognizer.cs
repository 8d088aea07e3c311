using Extract.Segmentation;

namespace Extract.Recognition.Keywords;

/// <summary>TF-IDF keywords over the body with Jieba's IDF table and stop words, best first.</summary>
internal sealed class KeywordRecognizer(TfidfExtractor extractor, int count) : IRecognizer
{
    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (count == 0 || document.Body.Length == 0)
        {
            return found;
        }

        // Numbers (11, 2022) carry no topic: ask for more and keep words with a letter or a Han character.
        var words = extractor.ExtractTags(document.Body, count * 2)
            .Where(w => w.Length >= 2 && w.Any(char.IsLetter))
            .Take(count);
        return found with { Keywords = [.. words] };
    }
}
