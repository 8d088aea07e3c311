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

    /// <summary>The resource <paramref name="logicalName"/>, or null when the build did not embed it.</summary>
    public static Stream? TryOpen(string logicalName) => typeof(EmbeddedResource).Assembly.GetManifestResourceStream(logicalName);

    /// <summary>True when the build embedded <paramref name="logicalName"/> (nothing is opened).</summary>
    public static bool Exists(string logicalName) => typeof(EmbeddedResource).Assembly.GetManifestResourceInfo(logicalName) is not null;

    public static IEnumerable<string> ReadLines(string logicalName)
    {
        using var reader = new StreamReader(Open(logicalName));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
