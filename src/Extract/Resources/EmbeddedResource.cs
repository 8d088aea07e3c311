using System.Reflection;

namespace Extract.Resources;

/// <summary>Opens the library's embedded resources by their stable logical names; a missing one throws naming it.</summary>
internal static class EmbeddedResource
{
    public static Stream Open(string logicalName)
    {
        var assembly = typeof(EmbeddedResource).Assembly;
        return assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"Embedded resource '{logicalName}' is missing from {assembly.GetName().Name}; the build did not embed it.");
    }

    public static IEnumerable<string> ReadLines(string logicalName)
    {
        using var reader = new StreamReader(Open(logicalName));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
