using System.CommandLine;

namespace Extract.Cli.Commands;

/// <summary>Options shared by the commands, spelt as the README writes them (lowercase values, not .NET type names).</summary>
internal static class CliOptions
{
    /// <summary>An option over <typeparamref name="T"/>'s members, written in lowercase on the command line and in help.</summary>
    public static Option<string> Enum<T>(string name, string description, T defaultValue, params string[] aliases)
        where T : struct, System.Enum
    {
        var values = System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        var option = new Option<string>(name, aliases)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue.ToString().ToLowerInvariant(),
            HelpName = string.Join('|', values),
        };
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    /// <summary>The member a lowercase value names (the parser has already refused any other value).</summary>
    public static T Parse<T>(string? value, T fallback)
        where T : struct, System.Enum =>
        value is not null && System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) ? parsed : fallback;

    /// <summary>The entity strategy option of extract, eval and bench.</summary>
    public static Option<string> Entities(string description) =>
        Enum("--entities", description, ExtractorOptions.Default.Entities);
}
