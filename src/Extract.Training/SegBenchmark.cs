using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Extract.Segmentation;

namespace Extract.Training;

/// <summary>
/// <c>bench-seg</c>: in one run, on the same ≥ 20 MB corpus (built by the anchors' own script from People's Daily,
/// SIGHAN, MSRA, CLUENER and the seeds, repeated), measures single-threaded default-cut and POS-cut throughput
/// (one call per line), cold start (fresh process start to first token printed) and peak RSS for Extract.Segmentation,
/// jieba.NET 0.42.2 (NuGet, same .NET host), @node-rs/jieba (jieba-rs), nodejieba (cppjieba) and Python jieba, and prints a table with ratios.
/// </summary>
/// <remarks>
/// Usage: <c>bench-seg --data ../shared/data --anchors /tmp/anchors [--corpus /tmp/anchors/corpus.txt] [--runs 3]
/// [--python-mb 4] [--skip-python]</c>. The anchors folder holds <c>npm install @node-rs/jieba@2.0.3 nodejieba@3.5.8</c>;
/// Python jieba is <c>/usr/bin/python3</c> with Debian's python3-jieba. Python is timed on the first
/// <c>--python-mb</c> MB of the corpus (it runs at about 0.5 MB/s).
/// </remarks>
internal static class SegBenchmark
{
    private const string Warmup = "预热：南京市长江大桥。";

    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "child-cold")
        {
            // Cold start probe: load the embedded model, cut, print the first token, exit.
            Console.Out.WriteLine(JiebaSegmenter.Default.Cut(Warmup).First());
            Console.Out.Flush();
            using (var self = Process.GetCurrentProcess())
            {
                // CPU time is reported too: on a shared, loaded machine it is steadier than wall time.
                Console.Error.WriteLine(FormattableString.Invariant($"cpu {self.TotalProcessorTime.TotalMilliseconds:F0} ms"));
            }

            return 0;
        }

        if (args.Length > 0 && args[0] == "child-cold-jieba-net")
        {
            // The same probe for jieba.NET: it reads its dictionary files on first use.
            Console.Out.WriteLine(JiebaNet().Cut(Warmup).First());
            Console.Out.Flush();
            using var self = Process.GetCurrentProcess();
            Console.Error.WriteLine(FormattableString.Invariant($"cpu {self.TotalProcessorTime.TotalMilliseconds:F0} ms"));
            return 0;
        }

        if (args.Length > 0 && args[0] == "child-noop")
        {
            // Baseline for cold start: the same host process printing a token without touching the segmenter.
            Console.Out.WriteLine("noop");
            Console.Out.Flush();
            using var self = Process.GetCurrentProcess();
            Console.Error.WriteLine(FormattableString.Invariant($"cpu {self.TotalProcessorTime.TotalMilliseconds:F0} ms"));
            return 0;
        }

        if (args.Length > 0 && args[0] == "child-run")
        {
            return ChildRun(CommandArgs.Option(args, "--corpus")!, int.Parse(CommandArgs.Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture), args.Contains("--pos"), !args.Contains("--no-hmm"), args.Contains("--jieba-net"));
        }

        var data = CommandArgs.Option(args, "--data");
        var anchors = CommandArgs.Option(args, "--anchors") ?? "/tmp/anchors";
        var script = CommandArgs.Option(args, "--anchor-script") ?? Path.Combine(data ?? "../shared/data", "..", "tools", "anchors", "seg-anchors.mjs");
        var corpus = CommandArgs.Option(args, "--corpus") ?? Path.Combine(anchors, "corpus.txt");
        var runs = CommandArgs.Option(args, "--runs") ?? "3";
        var pythonMb = double.Parse(CommandArgs.Option(args, "--python-mb") ?? "4", CultureInfo.InvariantCulture);
        script = Path.GetFullPath(script);
        corpus = Path.GetFullPath(corpus);
        if (!File.Exists(corpus))
        {
            if (data is null)
            {
                Console.Error.WriteLine("usage: bench-seg --data <shared/data> [--anchors DIR] [--corpus FILE] [--runs N] [--python-mb MB] [--skip-python]");
                return 2;
            }

            Exec("node", $"\"{script}\" corpus \"{Path.GetFullPath(data)}\" \"{corpus}\" 20", anchors);
        }

        var bytes = new FileInfo(corpus).Length;
        Console.Error.WriteLine($"corpus: {corpus}, {bytes:N0} bytes");
        var dll = typeof(SegBenchmark).Assembly.Location;
        var rows = new List<Row>();

        // Extract.Segmentation
        var cold = MedianCold(Enumerable.Range(0, 5).Select(_ => ColdStart("dotnet", $"\"{dll}\" bench-seg child-cold", null)));
        var ours = ParseJson(Exec("/usr/bin/time", $"-v dotnet \"{dll}\" bench-seg child-run --corpus \"{corpus}\" --runs {runs}", null));
        var oursPos = ParseJson(Exec("/usr/bin/time", $"-v dotnet \"{dll}\" bench-seg child-run --corpus \"{corpus}\" --runs {runs} --pos", null));
        rows.Add(new Row("Extract.Segmentation", ours.MBps, oursPos.MBps, cold, Math.Max(ours.RssMiB, oursPos.RssMiB), ours.Tokens));
        // jieba.NET 0.42.2 (NuGet), in the same host: its dictionary files are copied beside this tool (jieba-net/).
        var netCold = MedianCold(Enumerable.Range(0, 5).Select(_ => ColdStart("dotnet", $"\"{dll}\" bench-seg child-cold-jieba-net", null)));
        var net = ParseJson(Exec("/usr/bin/time", $"-v dotnet \"{dll}\" bench-seg child-run --corpus \"{corpus}\" --runs {runs} --jieba-net", null));
        var netPos = ParseJson(Exec("/usr/bin/time", $"-v dotnet \"{dll}\" bench-seg child-run --corpus \"{corpus}\" --runs {runs} --pos --jieba-net", null));
        rows.Add(new Row("jieba.NET 0.42.2", net.MBps, netPos.MBps, netCold, Math.Max(net.RssMiB, netPos.RssMiB), net.Tokens));
        var noop = MedianCold(Enumerable.Range(0, 5).Select(_ => ColdStart("dotnet", $"\"{dll}\" bench-seg child-noop", null)));
        Console.Error.WriteLine(FormattableString.Invariant($"  same .NET host without the segmenter: {noop.Wall:F0} ms wall, {noop.Cpu:F0} ms CPU"));

        // @node-rs/jieba and nodejieba via the anchors' script; POS and cold start via small probes.
        var probe = Path.Combine(Path.GetTempPath(), "extract-seg-probe.mjs");
        File.WriteAllText(probe, NodeProbe);
        foreach (var which in new[] { "noders", "nodejieba" })
        {
            try
            {
                var r = ParseJson(Exec("/usr/bin/time", $"-v node \"{script}\" run {which} \"{corpus}\" {runs} lines", anchors));
                var posMbps = ParseJson(Exec("node", $"\"{probe}\" tag {which} \"{corpus}\"", anchors)).MBps;
                var c = MedianCold(Enumerable.Range(0, 5).Select(_ => ColdStart("node", $"\"{probe}\" cold {which}", anchors)));
                rows.Add(new Row(which == "noders" ? "@node-rs/jieba 2.0.3" : "nodejieba 3.5.8", r.MBps, posMbps, c, r.RssMiB, r.Tokens));
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine($"{which}: skipped ({ex.Message.Split('\n')[0]})");
            }
        }

        if (!args.Contains("--skip-python"))
        {
            var pyProbe = Path.Combine(Path.GetTempPath(), "extract-seg-probe.py");
            File.WriteAllText(pyProbe, PythonProbe);
            var limit = (long)(pythonMb * 1_000_000);
            var r = ParseJson(Exec("/usr/bin/time", $"-v /usr/bin/python3 \"{pyProbe}\" run \"{corpus}\" {limit}", null));
            var c = MedianCold(Enumerable.Range(0, 3).Select(_ => ColdStart("/usr/bin/python3", $"\"{pyProbe}\" cold", null)));
            rows.Add(new Row(FormattableString.Invariant($"Python jieba 0.42.1 (first {pythonMb} MB)"), r.MBps, r.PosMBps, c, r.RssMiB, null));
        }

        Print(rows, bytes);
        Console.WriteLine(FormattableString.Invariant(
            $"cold start of the same .NET host process without the segmenter (runtime start only): {noop.Wall:F0} ms wall, {noop.Cpu:F0} ms CPU"));
        return 0;
    }

    /// <summary>jieba.NET over the dictionary files its package carries (copied beside this tool by the csproj).</summary>
    private static JiebaNet.Segmenter.JiebaSegmenter JiebaNet()
    {
        global::JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba-net");
        return new global::JiebaNet.Segmenter.JiebaSegmenter();
    }

    private static int ChildRun(string corpus, int runs, bool pos, bool hmm, bool jiebaNet = false)
    {
        var text = File.ReadAllText(corpus);
        var bytes = Encoding.UTF8.GetByteCount(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var sw = Stopwatch.StartNew();
        var seg = JiebaSegmenter.Default;
        var posSeg = PosSegmenter.Default;
        Func<string, int>? theirs = null;
        if (jiebaNet)
        {
            var net = JiebaNet();
            var netPos = new global::JiebaNet.Segmenter.PosSeg.PosSegmenter(net);
            theirs = pos ? line => netPos.Cut(line, hmm).Count() : line => net.Cut(line, hmm: hmm).Count();
            _ = theirs(Warmup);
        }
        else
        {
            _ = pos ? posSeg.Tokenize(Warmup).Count : seg.Cut(Warmup).Count();
        }
        var loadMs = sw.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        var cpuTimes = new List<double>();
        using var proc = Process.GetCurrentProcess();
        long tokens = 0;
        for (var r = 0; r < runs; r++)
        {
            tokens = 0;
            proc.Refresh();
            var cpu0 = proc.TotalProcessorTime.TotalSeconds;
            sw.Restart();
            foreach (var line in lines)
            {
                if (theirs is not null)
                {
                    tokens += theirs(line);
                }
                else if (pos)
                {
                    tokens += posSeg.Tokenize(line, hmm).Count;
                }
                else
                {
                    foreach (var _ in seg.Cut(line, hmm: hmm))
                    {
                        tokens++;
                    }
                }
            }

            times.Add(sw.Elapsed.TotalSeconds);
            proc.Refresh();
            cpuTimes.Add(proc.TotalProcessorTime.TotalSeconds - cpu0);
            Console.Error.WriteLine(FormattableString.Invariant($"{(jiebaNet ? "jieba.NET" : "extract")} {(pos ? "pos" : "cut")} run {r + 1}: {times[^1]:F3} s, {bytes / 1e6 / times[^1]:F3} MB/s (per CPU second {bytes / 1e6 / cpuTimes[^1]:F3}), {tokens} tokens"));
        }

        var median = Median(times);
        Console.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["medianMBps"] = Math.Round(bytes / 1e6 / median, 3),
            ["loadMs"] = Math.Round(loadMs),
            ["medianMBpsPerCpuSecond"] = Math.Round(bytes / 1e6 / Median(cpuTimes), 3),
            ["tokens"] = tokens,
        }));
        return 0;
    }

    private sealed record Row(string Name, double CutMBps, double? PosMBps, (double Wall, double Cpu) Cold, double RssMiB, long? Tokens);

    private sealed record Result(double MBps, double? PosMBps, double RssMiB, long? Tokens);

    private static void Print(List<Row> rows, long bytes)
    {
        var baseline = rows.FirstOrDefault(r => r.Name.StartsWith("@node-rs", StringComparison.Ordinal));
        var ours = rows[0];
        Console.WriteLine(FormattableString.Invariant($"corpus {bytes / 1e6:F1} MB, one call per line, single thread"));
        Console.WriteLine("| segmenter | default cut MB/s | POS cut MB/s | cold start ms (wall) | cold start CPU ms | peak RSS MiB | tokens | ours ÷ this (cut) | ours ÷ this (POS) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var ratio = r.CutMBps > 0 ? (ours.CutMBps / r.CutMBps).ToString("F2", CultureInfo.InvariantCulture) : "-";
            var posRatio = r.PosMBps is > 0 && ours.PosMBps is > 0 ? (ours.PosMBps.Value / r.PosMBps.Value).ToString("F2", CultureInfo.InvariantCulture) : "-";
            Console.WriteLine(FormattableString.Invariant(
                $"| {r.Name} | {r.CutMBps:F2} | {(r.PosMBps is { } p ? p.ToString("F2", CultureInfo.InvariantCulture) : "-")} | {r.Cold.Wall:F0} | {r.Cold.Cpu:F0} | {r.RssMiB:F0} | {(r.Tokens?.ToString(CultureInfo.InvariantCulture) ?? "-")} | {ratio} | {posRatio} |"));
        }

        if (baseline is not null)
        {
            Console.WriteLine(FormattableString.Invariant($"default-cut throughput ratio vs @node-rs/jieba: {ours.CutMBps / baseline.CutMBps:F2} (bar 0.80)"));
        }
    }

    private static Result ParseJson((string Stdout, string Stderr) output)
    {
        var line = output.Stdout.Split('\n').Last(l => l.TrimStart().StartsWith('{'));
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        double? pos = root.TryGetProperty("posMBps", out var p) ? p.GetDouble() : null;
        long? tokens = root.TryGetProperty("tokens", out var t) ? t.GetInt64() : null;
        var rss = 0.0;
        foreach (var l in output.Stderr.Split('\n'))
        {
            var idx = l.IndexOf("Maximum resident set size (kbytes):", StringComparison.Ordinal);
            if (idx >= 0)
            {
                rss = double.Parse(l[(idx + 35)..].Trim(), CultureInfo.InvariantCulture) / 1024;
            }
        }

        return new Result(root.GetProperty("medianMBps").GetDouble(), pos, rss, tokens);
    }

    private static (double Wall, double Cpu) ColdStart(string file, string arguments, string? cwd)
    {
        var psi = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = cwd ?? Environment.CurrentDirectory,
            StandardOutputEncoding = Encoding.UTF8,
        };
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var first = p.StandardOutput.ReadLine();
        var ms = sw.Elapsed.TotalMilliseconds;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (string.IsNullOrEmpty(first))
        {
            throw new InvalidOperationException($"{file} {arguments}: no token printed; {err}");
        }

        var cpu = double.NaN;
        foreach (var l in err.Split('\n'))
        {
            if (l.StartsWith("cpu ", StringComparison.Ordinal) && l.EndsWith(" ms", StringComparison.Ordinal))
            {
                cpu = double.Parse(l[4..^3], CultureInfo.InvariantCulture);
            }
        }

        return (ms, cpu);
    }

    private static (string Stdout, string Stderr) Exec(string file, string arguments, string? cwd)
    {
        Console.Error.WriteLine($"$ {file} {arguments}");
        var psi = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = cwd ?? Environment.CurrentDirectory,
        };
        using var p = Process.Start(psi)!;
        var stderr = new StringBuilder();
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }

                if (!e.Data.StartsWith('\t'))
                {
                    Console.Error.WriteLine("  " + e.Data);
                }
            }
        };
        p.BeginErrorReadLine();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {p.ExitCode}\n{stderr}");
        }

        lock (stderr)
        {
            return (stdout, stderr.ToString());
        }
    }

    private static (double Wall, double Cpu) MedianCold(IEnumerable<(double Wall, double Cpu)> runs)
    {
        var list = runs.ToList();
        Console.Error.WriteLine("  cold starts (wall ms / cpu ms): " + string.Join(", ", list.Select(r => FormattableString.Invariant($"{r.Wall:F0}/{r.Cpu:F0}"))));
        return (Median(list.Select(r => r.Wall).ToList()), Median(list.Select(r => r.Cpu).ToList()));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private const string NodeProbe = """
        // Probes for bench-seg: cold start (process start to first token) and POS-cut throughput of the npm anchors.
        import fs from 'node:fs';
        import path from 'node:path';
        import { createRequire } from 'node:module';
        const require = createRequire(path.join(process.cwd(), 'x.js'));
        const [, , cmd, which, corpus] = process.argv;
        function load() {
          if (which === 'nodejieba') { const n = require('nodejieba'); n.load(); return { cut: (s) => n.cut(s), tag: (s) => n.tag(s) }; }
          const { Jieba } = require('@node-rs/jieba'); const { dict } = require('@node-rs/jieba/dict');
          const j = Jieba.withDict(dict); return { cut: (s) => j.cut(s, true), tag: (s) => j.tag(s, true) };
        }
        if (cmd === 'cold') {
          const s = load(); console.log(s.cut('预热：南京市长江大桥。')[0]);
          const u = process.cpuUsage(); console.error(`cpu ${((u.user + u.system) / 1000).toFixed(0)} ms`); process.exit(0);
        }
        const text = fs.readFileSync(corpus, 'utf8'); const bytes = Buffer.byteLength(text);
        const lines = text.split('\n').filter((l) => l.length > 0); const s = load(); s.tag('预热');
        let tokens = 0; const t0 = process.hrtime.bigint();
        for (const l of lines) tokens += s.tag(l).length;
        const sec = Number(process.hrtime.bigint() - t0) / 1e9;
        console.error(`${which} tag: ${sec.toFixed(3)} s, ${(bytes / 1e6 / sec).toFixed(3)} MB/s`);
        console.log(JSON.stringify({ medianMBps: +(bytes / 1e6 / sec).toFixed(3), tokens }));
        """;

    private const string PythonProbe = """
        # Probes for bench-seg: Python jieba cold start and default/POS throughput on the first LIMIT bytes.
        import json, sys, time
        if sys.argv[1] == 'cold':
            import jieba
            jieba.setLogLevel(60)
            print(next(iter(jieba.cut('预热：南京市长江大桥。'))), flush=True)
            import resource
            r = resource.getrusage(resource.RUSAGE_SELF)
            print(f'cpu {(r.ru_utime + r.ru_stime) * 1000:.0f} ms', file=sys.stderr)
            sys.exit(0)
        import jieba, jieba.posseg
        jieba.setLogLevel(60)
        corpus, limit = sys.argv[2], int(sys.argv[3])
        lines, size = [], 0
        with open(corpus, encoding='utf-8') as f:
            for l in f:
                b = len(l.encode('utf-8'))
                if size + b > limit: break
                size += b
                l = l.rstrip('\n')
                if l: lines.append(l)
        jieba.lcut('预热'); jieba.posseg.lcut('预热')
        t0 = time.perf_counter(); tokens = 0
        for l in lines: tokens += len(jieba.lcut(l))
        cut = time.perf_counter() - t0
        t0 = time.perf_counter()
        for l in lines: jieba.posseg.lcut(l)
        pos = time.perf_counter() - t0
        print(f'python: {size} bytes, cut {size/1e6/cut:.3f} MB/s, pos {size/1e6/pos:.3f} MB/s', file=sys.stderr)
        print(json.dumps({'medianMBps': round(size/1e6/cut, 3), 'posMBps': round(size/1e6/pos, 3), 'tokens': tokens}))
        """;
}
