using System.Collections.Immutable;
using Extract.Recognition.Names;

namespace Extract.Recognition.Entities;

/// <summary>
/// The entity decision's verdict beyond the mentions it leaves standing in <see cref="Mentions"/>: the names it keeps,
/// each a (span, type) with the rule mention that proposed it when there is one (whose code, kind and roles stand). The
/// decision only chooses; resolution (<c>Extract.Resolution</c>) describes the bare names, adds them to the mentions and,
/// when <see cref="Occurrences"/>, first adds every other occurrence of them (<see cref="WithOccurrences"/>).
/// </summary>
/// <param name="Names">The kept names, in the order the decision chose them (the order occurrences are claimed in).</param>
/// <param name="Occurrences">Whether other occurrences of a kept name of three or more characters are mentions too.</param>
internal sealed record KeptNames(ImmutableArray<EntityCandidate> Names, bool Occurrences)
{
    /// <summary>
    /// <see cref="Names"/> followed, when <see cref="Occurrences"/>, by the other occurrences of each in
    /// <paramref name="text"/> that overlap no name and no mention of <paramref name="basis"/> (<see cref="NameText.OtherOccurrences"/>),
    /// bare. The set the decision stands for once resolution has added to it (the hand merge's verdict as a feature reads it too).
    /// </summary>
    public List<EntityCandidate> WithOccurrences(string text, Mentions basis)
    {
        var names = Names.ToList();
        if (Occurrences)
        {
            var taken = basis.EntitySpans();
            taken.AddRange(Names.Select(n => n.Span));
            names.AddRange(NameText.OtherOccurrences(text, Names, n => n.Span, taken)
                .Select(o => new EntityCandidate(o.Span, o.Name.Type) { Sources = o.Name.Sources }));
        }

        return names;
    }
}
