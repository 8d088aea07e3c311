using System.Collections.Immutable;
using Extract.Recognition.Names;
using Extract.Resources;

namespace Extract.Recognition.People;

/// <summary>
/// Reads the title chain written just before a name (市司法局警务管理科科长、市直单位驻…临时党支部书记蒋文锋): segments
/// that each end with a title, separated by 、, each running left to a boundary word or punctuation. Verbatim.
/// </summary>
internal sealed class RoleChain
{
    private const int MaxRole = 30;

    private readonly EntityLexicons _lexicons;

    public RoleChain(EntityLexicons lexicons) => _lexicons = lexicons;

    /// <summary>
    /// The roles written before a name at <paramref name="nameStart"/>, verbatim, and the organisation the first role
    /// names (its parent body when it ends with sub-units), or null.
    /// </summary>
    public (ImmutableArray<string> Roles, string? Organization) Describe(
        string text, int nameStart, IReadOnlyList<TextSpan> entities, IReadOnlyList<OrganizationMention> organizations)
    {
        var roleSpans = Before(text, nameStart, entities);
        var roles = roleSpans.Select(r => text[r.Start..r.End]).ToImmutableArray();
        var organization = roleSpans
            .SelectMany(r => organizations.Where(o => NameText.Within(o.Span, r)))
            .Select(o => o.Parent ?? o.Name)
            .FirstOrDefault();
        return (roles, organization);
    }

    public List<TextSpan> Before(string text, int nameStart, IReadOnlyList<TextSpan> entities)
    {
        var roles = new List<TextSpan>();
        var end = nameStart;
        while (end > 0 && _lexicons.Titles.LongestEndingAt(text, end) > 0)
        {
            var start = SegmentStart(text, end, entities);
            if (start >= end)
            {
                break;
            }

            roles.Insert(0, new TextSpan(start, end));
            if (start == 0 || text[start - 1] != '、')
            {
                break;
            }

            end = start - 1;
        }

        return roles;
    }

    private int SegmentStart(string text, int end, IReadOnlyList<TextSpan> entities)
    {
        var i = end;
        while (i > 0 && end - i < MaxRole)
        {
            var entity = entities.FirstOrDefault(e => e.End == i && e.Start < i);
            if (entity != default)
            {
                i = entity.Start;
                continue;
            }

            var c = text[i - 1];
            if (!(NameText.IsCjk(c) || c is '(' or ')' or '（' or '）') || NameText.BoundaryEndingAt(_lexicons, text, i) > 0)
            {
                break;
            }

            i--;
        }

        return i;
    }
}
