using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Extract.Evaluation;

namespace Extract.Cli;

/// <summary>
/// One input document, loaded lazily on a worker so a read error becomes that document's error record.
/// <see cref="Id"/> is the id known before loading (the file name, or the JSONL file and line); the loaded source may
/// carry the line's own id.
/// </summary>
internal sealed record InputItem(string Id, Func<ArticleSource> Load);

/// <summary>A document that cannot be read as input (a malformed or oversized JSONL line, an unreadable file): its error record.</summary>
internal sealed class InputException(string id, ExtractionErrorKind kind, string message) : Exception(message)
{
    public string Id { get; } = id;

    public ExtractionErrorKind Kind { get; } = kind;
}

/// <summary>
/// Expands command-line paths (files, folders, .jsonl) into input items, in a stable order. Folders are walked
/// recursively in ordinal path order; a directory reached twice (a symlink loop, a folder given twice) and a file
/// reached twice are read once. A file given by name is JSON (one object, an array of objects, or JSON Lines) when its
/// content starts with '{' or '[' and its extension is not .txt, .html or .htm (a .json file, a crawler's dump).
/// </summary>
internal static class Inputs
{
    private static readonly string[] Extensions = [".html", ".htm", ".txt", ".jsonl"];

    /// <summary>Paths that do not exist, for argument errors before any work starts.</summary>
    public static IEnumerable<string> Missing(IEnumerable<string> paths) => paths.Where(p => p != StandardInput && !File.Exists(p) && !Directory.Exists(p));

    /// <summary>The path that means JSON Lines on standard input, read as a stream (never whole).</summary>
    public const string StandardInput = "-";

    /// <summary>The items of <paramref name="paths"/>; <paramref name="warn"/> hears about skipped duplicates and unreadable sidecars.</summary>
    /// <param name="paths">Files and folders as given.</param>
    /// <param name="maxLineBytes">A JSONL line longer than this is a too-large error record, skipped without being held in memory.</param>
    /// <param name="warn">Receives one-line warnings (null: none).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public static async IAsyncEnumerable<InputItem> Enumerate(
        IReadOnlyList<string> paths,
        int maxLineBytes,
        Action<string>? warn,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var seenDirectories = new HashSet<string>(StringComparer.Ordinal);
        var stdinRead = false;
        foreach (var path in paths)
        {
            if (path == StandardInput)
            {
                if (stdinRead)
                {
                    warn?.Invoke("-: standard input already read, skipped");
                    continue;
                }

                stdinRead = true;
                await foreach (var item in FromJsonLines(Console.OpenStandardInput(), "stdin", maxLineBytes, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
            else if (Directory.Exists(path))
            {
                // Each folder's meta.json describes the files beside it, read once per folder.
                var metas = new Dictionary<string, IReadOnlyDictionary<string, (DateTimeOffset? FetchedAt, string? Url)>>(StringComparer.Ordinal);
                var files = new List<string>();
                Walk(path, seenDirectories, files, warn);
                foreach (var file in files.Order(StringComparer.Ordinal))
                {
                    if (!seenFiles.Add(RealPath(file)))
                    {
                        warn?.Invoke($"{file}: already read, skipped");
                        continue;
                    }

                    var directory = Path.GetDirectoryName(file) ?? path;
                    if (!metas.TryGetValue(directory, out var meta))
                    {
                        metas[directory] = meta = LoadMeta(directory, warn);
                    }

                    await foreach (var item in FromFile(file, meta, byContent: false, maxLineBytes, FolderId(path, file), cancellationToken).ConfigureAwait(false))
                    {
                        yield return item;
                    }
                }
            }
            else
            {
                if (!seenFiles.Add(RealPath(path)))
                {
                    warn?.Invoke($"{path}: already read, skipped");
                    continue;
                }

                var meta = LoadMeta(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", warn);
                await foreach (var item in FromFile(path, meta, byContent: true, maxLineBytes, folderId: null, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>The input files under <paramref name="directory"/>, each directory entered once by its real path (symlink loops end).</summary>
    private static void Walk(string directory, HashSet<string> seenDirectories, List<string> files, Action<string>? warn)
    {
        if (!seenDirectories.Add(RealPath(directory)))
        {
            return;
        }

        try
        {
            files.AddRange(Directory.EnumerateFiles(directory).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())));
            foreach (var sub in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
            {
                Walk(sub, seenDirectories, files, warn);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn?.Invoke($"{directory}: not readable, skipped ({e.Message})");
        }
    }

    /// <summary>The path with every symbolic link resolved (its own and its folders'), so one file or folder has one name.</summary>
    internal static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            try
            {
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                {
                    current = Path.GetFullPath(target.FullName);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A link that does not resolve keeps its own name.
            }
        }

        return current;
    }

    private static IReadOnlyDictionary<string, (DateTimeOffset? FetchedAt, string? Url)> LoadMeta(string directory, Action<string>? warn)
    {
        try
        {
            return SidecarMeta.Load(directory);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or FormatException)
        {
            warn?.Invoke($"{Path.Combine(directory, "meta.json")}: ignored ({e.Message})");
            return new Dictionary<string, (DateTimeOffset?, string?)>();
        }
    }

    /// <summary>
    /// The id of <paramref name="file"/> found under the folder <paramref name="root"/>: its path below the folder without the
    /// extension, with / between parts (site/2024/1), so that same-named files of different folders stay apart; a file at
    /// the folder's top level is its name alone.
    /// </summary>
    internal static string FolderId(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file);
        var directory = Path.GetDirectoryName(relative);
        var stem = Path.GetFileNameWithoutExtension(relative);
        return string.IsNullOrEmpty(directory) ? stem : $"{directory.Replace(Path.DirectorySeparatorChar, '/')}/{stem}";
    }

    private static async IAsyncEnumerable<InputItem> FromFile(
        string file,
        IReadOnlyDictionary<string, (DateTimeOffset? FetchedAt, string? Url)> meta,
        bool byContent,
        int maxLineBytes,
        string? folderId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        var json = extension == ".jsonl" || (byContent && extension is not (".txt" or ".html" or ".htm") && StartsLikeJson(file));
        if (!json)
        {
            var id = folderId ?? Path.GetFileNameWithoutExtension(file);
            meta.TryGetValue(Path.GetFileNameWithoutExtension(file), out var m);
            bool? isHtml = extension switch { ".txt" => false, ".html" or ".htm" => true, _ => null };
            yield return new InputItem(id, () => ReadFile(id, file, isHtml) with { FetchedAt = m.FetchedAt, Url = m.Url });
            yield break;
        }

        if (extension != ".jsonl" && WholeJson(file, maxLineBytes) is { } whole)
        {
            // One pretty-printed object or an array of objects.
            var index = 0;
            foreach (var element in whole)
            {
                index++;
                var fallbackId = whole.Count == 1 ? Path.GetFileNameWithoutExtension(file) : $"{Path.GetFileName(file)}:{index}";
                var text = element;
                yield return new InputItem(fallbackId, () => ParseJsonLine(text, fallbackId));
            }

            yield break;
        }

        await foreach (var item in FromJsonLines(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true), Path.GetFileName(file), maxLineBytes, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>The documents of a JSON Lines stream (disposed at the end); a line's fallback id is <paramref name="name"/>:line.</summary>
    private static async IAsyncEnumerable<InputItem> FromJsonLines(Stream stream, string name, int maxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        await foreach (var line in ReadLines(stream, maxLineBytes, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (line.Bytes is { } bytes && IsBlank(bytes))
            {
                continue;
            }

            var fallbackId = $"{name}:{lineNumber}";
            if (line.Bytes is null)
            {
                var length = line.Length;
                yield return new InputItem(fallbackId, () => throw new InputException(
                    fallbackId, ExtractionErrorKind.TooLarge, string.Create(CultureInfo.InvariantCulture, $"input too large: a JSONL line of {length} bytes (limit {maxLineBytes})")));
                continue;
            }

            var lineBytes = line.Bytes;
            yield return new InputItem(fallbackId, () => ParseJsonLine(lineBytes, fallbackId));
        }
    }

    private static ArticleSource ReadFile(string id, string file, bool? isHtml)
    {
        try
        {
            return ArticleSource.FromBytes(id, File.ReadAllBytes(file), isHtml);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(id, ExtractionErrorKind.InvalidInput, $"cannot read {file}: {e.Message}");
        }
    }

    private static bool StartsLikeJson(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            Span<byte> head = stackalloc byte[64];
            var read = stream.Read(head);
            var span = head[..read];
            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                span = span[3..];
            }

            span = span.TrimStart(" \t\r\n"u8);
            return !span.IsEmpty && span[0] is (byte)'{' or (byte)'[';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // the read error becomes the document's error record
        }
    }

    /// <summary>The file's documents when the whole file is one JSON object or an array of them; null when it is not one JSON value (then JSON Lines).</summary>
    private static List<byte[]>? WholeJson(string file, int maxBytes)
    {
        try
        {
            if (new FileInfo(file).Length > maxBytes)
            {
                return null;
            }

            var bytes = File.ReadAllBytes(file);
            using var document = JsonDocument.Parse(bytes.AsMemory(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0));
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Object => [bytes],
                JsonValueKind.Array => [.. document.RootElement.EnumerateArray().Select(e => Encoding.UTF8.GetBytes(e.GetRawText()))],
                _ => null,
            };
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsBlank(byte[] bytes) => bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty || bytes.AsSpan().SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);

    /// <summary>A JSONL file's lines as bytes; a line over <paramref name="maxBytes"/> comes back as its length alone (its bytes are never held).</summary>
    internal static IAsyncEnumerable<(byte[]? Bytes, long Length)> ReadLines(string file, int maxBytes, CancellationToken cancellationToken) =>
        ReadLines(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true), maxBytes, cancellationToken);

    /// <summary>A stream's lines as bytes (the stream is disposed at the end); see the file overload.</summary>
    internal static async IAsyncEnumerable<(byte[]? Bytes, long Length)> ReadLines(Stream input, int maxBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = input;
        var buffer = new byte[1 << 16];
        var line = new ArrayBufferWriter<byte>();
        long length = 0;
        var first = true;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var chunk = buffer.AsMemory(0, read);
            if (first && chunk.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                chunk = chunk[3..];
            }

            first = false;
            while (!chunk.IsEmpty)
            {
                var newline = chunk.Span.IndexOf((byte)'\n');
                var part = newline < 0 ? chunk : chunk[..newline];
                length += part.Length;
                if (length <= maxBytes)
                {
                    line.Write(part.Span);
                }

                if (newline < 0)
                {
                    break;
                }

                yield return length <= maxBytes ? (line.WrittenSpan.ToArray(), length) : (null, length);
                line.ResetWrittenCount();
                length = 0;
                chunk = chunk[(newline + 1)..];
            }
        }

        if (length > 0)
        {
            yield return length <= maxBytes ? (line.WrittenSpan.ToArray(), length) : (null, length);
        }
    }

    /// <summary>
    /// {"id", "url", "html" | "text", "fetchedAt"} (UTF-8) → a source. A string id is kept as given, a numeric id as its
    /// JSON text (12345 → "12345"); a lone surrogate escape (\ud800) becomes U+FFFD. A malformed line throws
    /// <see cref="InputException"/> with the best id known.
    /// </summary>
    internal static ArticleSource ParseJsonLine(byte[] line, string fallbackId)
    {
        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            line = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line)); // a few bad bytes become U+FFFD, as in a document
        }

        try
        {
            return ParseJsonObject(line, fallbackId);
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape where .NET must unescape it to compare or read (a property name: {"\ud800id": …}):
            // the whole line is read again with every lone surrogate escape made \ufffd (outside strings valid JSON has no
            // backslash, so the repair touches string contents only).
            return ParseJsonObject(Encoding.UTF8.GetBytes(ReplaceLoneSurrogateEscapes(Encoding.UTF8.GetString(line))), fallbackId);
        }
    }

    private static ArticleSource ParseJsonObject(byte[] line, string fallbackId)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new InputException(fallbackId, ExtractionErrorKind.InvalidInput, $"invalid JSON line: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputException(fallbackId, ExtractionErrorKind.InvalidInput, "a JSONL input line must be an object with \"html\" or \"text\"");
            }

            string? Get(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? StringOf(v) : null;
            var url = Get("url");
            var id = (root.TryGetProperty("id", out var idElement) ? idElement.ValueKind switch
            {
                JsonValueKind.String => StringOf(idElement),
                JsonValueKind.Number => idElement.GetRawText(),
                _ => null,
            } : null) ?? url ?? fallbackId;
            var source = Get("html") is { } html ? ArticleSource.FromHtml(id, html)
                : Get("text") is { } text ? ArticleSource.FromText(id, text)
                : throw new InputException(id, ExtractionErrorKind.InvalidInput, "a JSONL input line needs a string \"html\" or \"text\" field");
            DateTimeOffset? fetched = null;
            if (Get("fetchedAt") is { } f)
            {
                fetched = DateTimeOffset.TryParse(f, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new InputException(id, ExtractionErrorKind.InvalidInput, $"fetchedAt '{f}' is not a date-time");
            }

            return source with { Url = url, FetchedAt = fetched };
        }
    }

    /// <summary>A JSON string's value; an escaped lone surrogate (which .NET refuses to unescape) becomes U+FFFD.</summary>
    private static string StringOf(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = element.GetRawText();
            using var repaired = JsonDocument.Parse(ReplaceLoneSurrogateEscapes(raw));
            return repaired.RootElement.GetString()!;
        }
    }

    /// <summary>A JSON string literal with every \uD800–\uDFFF escape that is not half of a pair replaced by \uFFFD; linear.</summary>
    internal static string ReplaceLoneSurrogateEscapes(string literal)
    {
        var builder = new StringBuilder(literal.Length);
        var i = 0;
        while (i < literal.Length)
        {
            if (literal[i] != '\\' || i + 1 >= literal.Length)
            {
                builder.Append(literal[i++]);
                continue;
            }

            if (literal[i + 1] != 'u' || !TryHex(literal, i + 2, out var unit))
            {
                builder.Append(literal, i, Math.Min(2, literal.Length - i)); // \\, \" … kept whole, so the next backslash is a real one
                i += 2;
                continue;
            }

            if (char.IsHighSurrogate(unit) && i + 12 <= literal.Length && literal[i + 6] == '\\' && literal[i + 7] == 'u'
                && TryHex(literal, i + 8, out var low) && char.IsLowSurrogate(low))
            {
                builder.Append(literal, i, 12);
                i += 12;
            }
            else
            {
                builder.Append(char.IsSurrogate(unit) ? "\\ufffd" : literal.Substring(i, 6));
                i += 6;
            }
        }

        return builder.ToString();
    }

    private static bool TryHex(string text, int at, out char unit)
    {
        ushort value = 0;
        var ok = at + 4 <= text.Length && ushort.TryParse(text.AsSpan(at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        unit = (char)value;
        return ok;
    }
}
