using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Extract;
using Extract.Cli;
using Extract.Decoding;
using Extract.Page;

// The fuzzing harness of issue #20: the decoder, the page stage, the JSONL reader and the whole pipeline as targets.
//
//   dotnet run --project tests/Extract.Fuzz -c Release -- TARGET --random N [--seed S] [--corpus DIR] [--findings DIR]
//       N inputs mutated from the corpus (or random bytes, HTML and JSONL fragments), no instrumentation: the short run
//       (CI) and the long one (N = 100000). A crash, an unexpected exception or a document over its budget is written to
//       the findings folder (default tests/Extract.Fuzz/findings) and the run exits 1.
//   TARGET --libfuzzer | --afl
//       Coverage-guided with SharpFuzz: instrument Extract.dll first (`sharpfuzz Extract.dll`) and run under
//       libfuzzer-dotnet or afl-fuzz; see tests/Extract.Fuzz/README.md.
//   TARGET --replay FILE…
//       Runs the target once per file (how the regression tests and a finding's report replay an input).
//
// TARGET: decoder | page | jsonl | pipeline.
if (args.Length < 2 || !Targets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine("usage: Extract.Fuzz decoder|page|jsonl|pipeline --random N [--seed S] [--corpus DIR] [--findings DIR] | --libfuzzer | --afl | --replay FILE…");
    return 2;
}

switch (args[1])
{
    case "--libfuzzer":
        SharpFuzz.Fuzzer.LibFuzzer.Run(span => target(span.ToArray()));
        return 0;
    case "--afl":
        SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            target(memory.ToArray());
        });
        return 0;
    case "--replay":
        foreach (var file in args.Skip(2))
        {
            target(File.ReadAllBytes(file));
        }

        return 0;
    case "--random":
        return RandomRun.Run(args[0], target, args);
    default:
        Console.Error.WriteLine($"Extract.Fuzz: unknown mode {args[1]}");
        return 2;
}

/// <summary>The fuzz targets: each takes any bytes and may only fail by returning; an exception is a finding.</summary>
internal static class Targets
{
    private static readonly ArticleExtractor Extractor = new(ExtractorOptions.Default with { MaxDegreeOfParallelism = 1 });
    private static readonly DocumentDecoder Decoder = new();
    private static readonly HtmlPageExtractor Page = new();

    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["decoder"] = bytes => Expected(() => Decoder.Decode(ArticleSource.FromBytes("f", bytes), ExtractorOptions.Default, CancellationToken.None)),
        ["page"] = bytes => Expected(() =>
        {
            var decoded = Decoder.Decode(ArticleSource.FromBytes("f", bytes, isHtml: true), ExtractorOptions.Default, CancellationToken.None);
            Page.Extract(decoded.Content, null, ExtractorOptions.Default, CancellationToken.None);
        }),
        ["jsonl"] = bytes =>
        {
            try
            {
                var source = Inputs.ParseJsonLine(bytes, "f:1");
                Check(Extractor.Extract(source), source.Id);
            }
            catch (InputException)
            {
                // A malformed line is an error record: expected.
            }
        },
        ["pipeline"] = bytes => Check(Extractor.Extract(ArticleSource.FromBytes("f", bytes)), "f"),
    };

    /// <summary>Runs a stage; its expected failure (too large, binary: an error record in a batch) is not a finding.</summary>
    private static void Expected(Action stage)
    {
        try
        {
            stage();
        }
        catch (ExtractionException)
        {
        }
    }

    /// <summary>The pipeline's invariants: the result is the input's, and every offset lies inside the body.</summary>
    private static void Check(ExtractionResult result, string id)
    {
        if (result.Id != id)
        {
            throw new InvalidOperationException($"result id '{result.Id}' is not the input's '{id}'");
        }

        if (!result.IsSuccess)
        {
            if (result.ErrorKind is ExtractionErrorKind.Internal or ExtractionErrorKind.Timeout)
            {
                throw new InvalidOperationException($"{result.ErrorKind} in {result.Stage}: {result.Error}");
            }

            return;
        }

        var body = result.Article.Body;
        foreach (var span in result.Article.Dates.Select(d => d.Span).Concat(result.Article.Achievements.Select(a => a.Span)).OfType<TextSpan>()
            .Concat(result.Article.People.SelectMany(p => p.Mentions)).Concat(result.Article.Organizations.SelectMany(o => o.Mentions))
            .Concat(result.Article.Places.SelectMany(p => p.Mentions)))
        {
            if (span.Start < 0 || span.End > body.Length || span.Start > span.End)
            {
                throw new InvalidOperationException($"span {span} outside a body of {body.Length}");
            }
        }
    }
}

/// <summary>A mutation run without instrumentation: deterministic for a seed, so a finding is reproducible from its seed and index.</summary>
internal static class RandomRun
{
    private static readonly string[] Fragments =
    [
        "<html>", "<head>", "<meta charset=\"gb2312\">", "<meta charset=\"utf-8\">", "<title>", "</title>", "<body>", "<div class=\"TRS_Editor\">",
        "<p>", "</p>", "</div>", "<script>", "</script>", "<!--", "-->", "<br>", "&amp;", "&#xd800;", "<table><tr><td>", "<![CDATA[",
        "{\"id\":", "\"text\":\"", "\"html\":\"", "\"fetchedAt\":\"2022-11-20T09:00:00+08:00\"", "\\ud800", "\\udc00", "\\\"", "\\n", "}", "[", "]", ",",
        "2022年", "11月2日", "5人次", "，", "。", "\n", "志愿者", "朝阳区人民政府", "蒋文锋", "1234567890", "第三名", "上午9点", "記者", "來源：",
    ];

    public static int Run(string name, Action<byte[]> target, string[] args)
    {
        var count = int.Parse(args[2], CultureInfo.InvariantCulture);
        var seed = Option(args, "--seed") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 20;
        var findings = Option(args, "--findings") ?? Path.Combine(RepoRoot(), "tests", "Extract.Fuzz", "findings");
        var failures = Run(name, target, count, seed, Option(args, "--corpus"), findings, Console.Out, Console.Error);
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Runs <paramref name="count"/> inputs through <paramref name="target"/>; returns the number of findings (each written to <paramref name="findings"/>).</summary>
    public static int Run(string name, Action<byte[]> target, int count, int seed, string? corpusDirectory, string findings, TextWriter report, TextWriter log)
    {
        var corpus = corpusDirectory is not null
            ? Directory.EnumerateFiles(corpusDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).Where(b => b.Length <= 1 << 20).ToList()
            : [];
        var random = new Random(seed);
        var budget = ExtractorOptions.Default.DocumentTimeout;
        var clock = new Stopwatch();
        int failures = 0;
        var slowest = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var input = Next(random, corpus);
            clock.Restart();
            string? problem = null;
            try
            {
                target(input);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problem = $"{e.GetType().Name}: {e.Message}";
            }

            var elapsed = clock.Elapsed;
            slowest = elapsed > slowest ? elapsed : slowest;
            if (problem is null && elapsed > budget)
            {
                problem = $"over the budget: {elapsed.TotalSeconds:0.0} s";
            }

            if (problem is not null)
            {
                failures++;
                Directory.CreateDirectory(findings);
                var extension = name switch { "jsonl" => ".jsonl", "page" => ".html", _ => ".txt" };
                var file = Path.Combine(findings, $"{name}-{Convert.ToHexString(SHA256.HashData(input))[..16].ToLowerInvariant()}{extension}");
                File.WriteAllBytes(file, input);
                if (failures <= 20)
                {
                    log.WriteLine($"finding {i} (seed {seed}): {problem} -> {file}");
                }
            }
        }

        report.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: {count} inputs (seed {seed}, {corpus.Count} corpus files), {failures} finding(s), slowest {slowest.TotalMilliseconds:0} ms, {total.Elapsed.TotalSeconds:0.0} s"));
        return failures;
    }

    /// <summary>One input: a corpus file mutated, fragments strung together, or random bytes.</summary>
    private static byte[] Next(Random random, List<byte[]> corpus)
    {
        var choice = random.Next(10);
        if (choice < 4 && corpus.Count > 0)
        {
            var bytes = corpus[random.Next(corpus.Count)].ToList();
            for (var m = random.Next(1, 8); m > 0 && bytes.Count > 0; m--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 64))); break;
                    case 2: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)])); break;
                    default: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, random.Next(1, 256)))); break;
                }
            }

            return [.. bytes];
        }

        if (choice < 9)
        {
            var builder = new StringBuilder();
            for (var n = random.Next(0, 200); n > 0; n--)
            {
                builder.Append(random.Next(12) == 0 ? (char)random.Next(0xFFFF) : Fragments[random.Next(Fragments.Length)]);
            }

            var text = builder.ToString();
            if (choice == 8)
            {
                // A JSONL line whose string values hold the fragments raw (escapes, quotes, surrogate escapes and all).
                text = $"{{\"id\":\"{text[..(text.Length / 3)]}\",\"text\":\"{text[(text.Length / 3)..]}\"}}";
            }

            return random.Next(4) == 0 ? CodePagesEncodingProvider.Instance.GetEncoding("gb18030")!.GetBytes(text) : Encoding.UTF8.GetBytes(text);
        }

        var raw = new byte[random.Next(0, 4096)];
        random.NextBytes(raw);
        return raw;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extract.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
