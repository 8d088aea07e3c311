namespace Extract.Training;

/// <summary>The one way the training commands read <c>--name value</c> options.</summary>
internal static class CommandArgs
{
    /// <summary>The value after <paramref name="name"/>, or null when the option is absent or has no value.</summary>
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
