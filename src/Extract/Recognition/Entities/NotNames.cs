using Extract.Resources;

namespace Extract.Recognition.Entities;

/// <summary>
/// Hypotheses the learned decision never keeps, whatever the model scores them: spans that are no name by the
/// annotation's conventions. Each test reads the span and the lexicons, never a word list of its own beyond what its
/// summary states.
/// </summary>
internal static class NotNames
{
    /// <summary>
    /// True for a surname followed by a title or form of address and nothing else (冯警官, 徐阿婆, 王书记, and 李总, the
    /// short form of 总经理/总裁): ANNOTATION.md counts surname + title as no person. The title is a word of
    /// <paramref name="titles"/> or 总; the surname one or two characters of <paramref name="surnames"/>.
    /// </summary>
    public static bool IsSurnameAndTitle(ReadOnlySpan<char> surface, Surnames surnames, WordTable titles)
    {
        for (var length = 1; length <= 2 && length < surface.Length; length++)
        {
            if (!surnames.IsSurname(surface[..length]))
            {
                continue;
            }

            var rest = surface[length..];
            if (rest is "总" || titles.Contains(rest.ToString()))
            {
                return true;
            }
        }

        return false;
    }
}
