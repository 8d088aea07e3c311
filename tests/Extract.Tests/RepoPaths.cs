namespace Extract.Tests;

/// <summary>Finds repository folders by walking up from the test assembly to Extract.sln (never ../../..).</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Extract.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Seeds => Path.Combine(Root, "seeds");
}
