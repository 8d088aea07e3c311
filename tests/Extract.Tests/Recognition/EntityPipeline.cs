using Extract.Recognition;
using Extract.Recognition.Organizations;
using Extract.Recognition.People;
using Extract.Recognition.Places;
using Extract.Calendar;

namespace Extract.Tests.Recognition;

/// <summary>
/// Runs the place, organisation and person recognisers and the rules-only decision over a plain text, as the extractor
/// does with <see cref="EntityStrategy.Rules"/> (no tokens).
/// </summary>
internal static class EntityPipeline
{
    private static readonly IRecognizer[] Recognizers = [new PlaceRecognizer(), new OrganizationRecognizer(), new PersonRecognizer(), new Extract.Recognition.Entities.RulesDecision()];

    public static Mentions Run(string text)
    {
        var document = new DocumentText(text, [new TextSpan(0, text.Length)], [], ReferenceDates.Create(null, null, null, null));
        var mentions = Mentions.Empty;
        foreach (var recognizer in Recognizers)
        {
            mentions = recognizer.Recognize(document, mentions, CancellationToken.None);
        }

        return mentions;
    }
}
