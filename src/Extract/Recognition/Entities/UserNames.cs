using Extract.Recognition.Places;
using Extract.Recognition.Tagging;
using Extract.Resources;

namespace Extract.Recognition.Entities;

/// <summary>
/// The names a user added to the gazetteer (<see cref="ExtractorOptions.UserDivisions"/>, <see cref="ExtractorOptions.UserPlaces"/>)
/// and to the organisation lexicon (<see cref="ExtractorOptions.UserOrganizations"/>). A hypothesis that is exactly one of
/// them, with the user's type, is kept by every entity decision whatever the model says: a user who adds a name expects it found.
/// </summary>
internal sealed class UserNames
{
    private readonly WordTable? _places;
    private readonly WordTable? _organizations;

    private UserNames(WordTable? places, WordTable? organizations)
    {
        _places = places;
        _organizations = organizations;
    }

    /// <summary>The user names held by <paramref name="gazetteer"/> and <paramref name="lexicons"/>; null when there are none.</summary>
    public static UserNames? Of(Gazetteer gazetteer, EntityLexicons lexicons) =>
        gazetteer.UserNames is null && lexicons.UserOrganizations is null ? null : new UserNames(gazetteer.UserNames, lexicons.UserOrganizations);

    /// <summary>True when <paramref name="span"/> of <paramref name="text"/> is exactly a user name of <paramref name="type"/>.</summary>
    public bool Matches(string text, TextSpan span, NameType type)
    {
        var table = type switch
        {
            NameType.Location => _places,
            NameType.Organization => _organizations,
            _ => null,
        };
        return table is not null && span.Length <= table.MaxLength && table.Contains(text[span.Start..span.End]);
    }

    /// <summary>Every occurrence of a user name in <paramref name="text"/>, leftmost-longest, for the strategy without rule recognisers.</summary>
    public List<TaggedName> Find(string text)
    {
        var found = new List<TaggedName>();
        for (var i = 0; i < text.Length;)
        {
            var place = _places?.LongestAt(text, i) ?? 0;
            var organization = _organizations?.LongestAt(text, i) ?? 0;
            if (place == 0 && organization == 0)
            {
                i++;
                continue;
            }

            var (length, type) = organization > place ? (organization, NameType.Organization) : (place, NameType.Location);
            found.Add(new TaggedName(new TextSpan(i, i + length), type, float.PositiveInfinity));
            i += length;
        }

        return found;
    }
}
