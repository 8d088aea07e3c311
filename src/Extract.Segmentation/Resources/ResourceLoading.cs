namespace Extract.Segmentation.Resources;

/// <summary>
/// An embedded model or table of this build is missing or does not read (a damaged build, not bad input). The message
/// names the resource; the command line prints it as one line and exits with code 3.
/// </summary>
public sealed class DamagedResourceException : InvalidOperationException
{
    /// <summary>Creates the exception with the loader's message and its own exception.</summary>
    /// <param name="message">What is missing or damaged, naming the resource.</param>
    /// <param name="inner">The loader's exception.</param>
    public DamagedResourceException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>Loads an embedded resource through one guard, so every loader fails the same way.</summary>
internal static class ResourceLoading
{
    /// <summary>
    /// Runs <paramref name="load"/>; a resource that is missing, empty, truncated or of another format surfaces as a
    /// <see cref="DamagedResourceException"/> carrying the loader's own message (which names the resource).
    /// </summary>
    public static T Guard<T>(Func<T> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        try
        {
            return load();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or (InvalidOperationException and not DamagedResourceException))
        {
            throw new DamagedResourceException(e.Message, e);
        }
    }
}
