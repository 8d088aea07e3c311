using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Extract.Tokens;

namespace Extract.Recognition.Tagging;

/// <summary>
/// Stage 5, the trained name tagger over the body: each sentence of each paragraph (split after 。！？； and at most
/// <see cref="MaxSentence"/> characters long) is tagged with the segmenter's tokens, and the names found, with their
/// margins, go into <see cref="Mentions.TaggedNames"/> for the entity merge to weigh against the rules.
/// </summary>
internal sealed class NameTagRecognizer : IRecognizer
{
    /// <summary>Longer stretches without a sentence end are cut here (the tagger was trained on sentences).</summary>
    public const int MaxSentence = 400;

    private readonly NameTagger _tagger;

    public NameTagRecognizer(NameTagger tagger) => _tagger = tagger;

    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken)
    {
        var text = document.Body;
        var tokens = ImmutableCollectionsMarshal.AsArray(document.Tokens) ?? [];
        var names = ImmutableArray.CreateBuilder<TaggedName>();
        var firstToken = 0;
        foreach (var paragraph in document.Paragraphs)
        {
            foreach (var sentence in Sentences(text, paragraph))
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (firstToken < tokens.Length && tokens[firstToken].End <= sentence.Start)
                {
                    firstToken++;
                }

                var lastToken = firstToken;
                while (lastToken < tokens.Length && tokens[lastToken].Start < sentence.End)
                {
                    lastToken++;
                }

                var slice = new ArraySegment<WordToken>(tokens, firstToken, lastToken - firstToken);
                names.AddRange(_tagger.Tag(text, sentence.Start, sentence.End, slice));
            }
        }

        return found with { TaggedNames = names.ToImmutable() };
    }

    /// <summary>The sentences of <paramref name="paragraph"/>: ends after 。！？；, and every <see cref="MaxSentence"/> characters at most.</summary>
    public static IEnumerable<TextSpan> Sentences(string text, TextSpan paragraph)
    {
        var start = paragraph.Start;
        for (var i = paragraph.Start; i < paragraph.End; i++)
        {
            if (text[i] is '。' or '！' or '？' or '；' or '\n' || i + 1 - start >= MaxSentence)
            {
                if (i + 1 > start)
                {
                    yield return new TextSpan(start, i + 1);
                }

                start = i + 1;
            }
        }

        if (paragraph.End > start)
        {
            yield return new TextSpan(start, paragraph.End);
        }
    }
}
