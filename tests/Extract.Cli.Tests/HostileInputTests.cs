using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Extract.Cli;
using Extract.Cli.Commands;

namespace Extract.Cli.Tests;

/// <summary>Issue #20: inputs that used to crash, repeat or hide in a batch each give one record in place, and the batch completes.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extract-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, List<JsonElement> Records, string Err)> Run(params string[] paths)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ExtractCommand.RunAsync(paths, null, OutputFormat.Jsonl, 2, null, stdout, stderr, CancellationToken.None);
        var records = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (code, records, stderr.ToString());
    }

    [Fact]
    public async Task Lone_surrogate_escapes_in_a_jsonl_text_or_id_become_U_FFFD_and_the_batch_goes_on()
    {
        var file = Write("s.jsonl", """
            {"id":"s-text","text":"城南街道开展志愿服务\n党员\ud800志愿者服务群众5人次"}
            {"id":"s-id-\udc00","text":"志愿者服务群众6人次"}
            {"id":"pair","text":"城南街道开展志愿服务\n\ud83d\ude00志愿者"}
            {"id":"ok","text":"志愿者服务群众7人次"}
            """);

        var (code, records, _) = await Run(file);

        code.Should().Be(0);
        records.Select(r => r.GetProperty("id").GetString()).Should().Equal("s-text", "s-id-\uFFFD", "pair", "ok");
        records[0].GetProperty("body").GetString().Should().Contain("党员\uFFFD志愿者");
        records[2].GetProperty("body").GetString().Should().Contain("\U0001F600");
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_a_property_name_is_repaired_not_a_lost_document()
    {
        // Found by the fuzzer (jsonl target, seed 20): .NET throws InvalidOperationException when it must unescape a lone
        // surrogate in a property name to compare it; in a JSONL line and in a whole .json file alike.
        var lines = Write("names.jsonl", """
            {"id":"name","\ud800notes":"x","text":"城南街道开展志愿服务\n志愿者服务群众5人次"}
            {"\udc00":1,"id":"low","text":"志愿者服务群众6人次"}
            """);
        var whole = Write("whole.json", """{"id":"whole","\ud800notes":"x","text":"志愿者服务群众7人次"}""");

        var (code, records, _) = await Run(lines, whole);

        code.Should().Be(0);
        records.Select(r => r.GetProperty("id").GetString()).Should().Equal("name", "low", "whole");
        records.Select(r => r.TryGetProperty("error", out var error) ? error.GetString() : null).Should().OnlyContain(e => e == null);
    }

    [Theory]
    [InlineData("""\ud800""", """\ufffd""")]
    [InlineData("""\udc00x""", """\ufffdx""")]
    [InlineData("""\ud83d\ude00""", """\ud83d\ude00""")]
    [InlineData("""\\ud800""", """\\ud800""")]
    [InlineData("""\ud800\ud800\udc00""", """\ufffd\ud800\udc00""")]
    [InlineData("""a\"\ud800""", """a\"\ufffd""")]
    public void Only_unpaired_surrogate_escapes_are_replaced(string literal, string expected) =>
        Inputs.ReplaceLoneSurrogateEscapes($"\"{literal}\"").Should().Be($"\"{expected}\"");

    [Fact]
    public async Task Ids_are_kept_as_given_numbers_as_their_json_text_and_repeats_are_reported()
    {
        var file = Write("ids.jsonl", """
            {"id":12345,"text":"志愿者服务群众11人次。"}
            {"id":"007","text":"志愿者服务群众12人次。"}
            {"id":"007","text":"志愿者服务群众13人次。"}
            """);

        var (code, records, stderr) = await Run(file);

        code.Should().Be(0);
        records.Select(r => r.GetProperty("id").GetString()).Should().Equal("12345", "007", "007");
        stderr.Should().Contain("duplicate id '007'").And.Contain("1 duplicate id(s)");
    }

    [Fact]
    public async Task Files_that_share_a_name_are_both_read_and_the_shared_id_reported()
    {
        Write("docs/empty.txt", "");
        Write("docs/empty.html", "");

        var (_, records, stderr) = await Run(Path.Combine(_dir, "docs"));

        records.Select(r => r.GetProperty("id").GetString()).Should().Equal("empty", "empty");
        stderr.Should().Contain("duplicate id 'empty'");
    }

    [Fact]
    public async Task A_symlink_loop_and_a_path_given_twice_are_read_once()
    {
        var docs = Path.Combine(_dir, "docs");
        Write("docs/a.txt", "城南街道开展志愿服务\n志愿者服务群众9人次。");
        Write("docs/sub/b.txt", "城南街道开展志愿服务\n志愿者服务群众10人次。");
        Directory.CreateSymbolicLink(Path.Combine(docs, "sub", "loop"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "alias"), docs);

        var (code, records, stderr) = await Run(docs, Path.Combine(docs, "a.txt"), Path.Combine(_dir, "alias"));

        code.Should().Be(0);
        records.Select(r => r.GetProperty("id").GetString()).Should().Equal("a", "sub/b");
        stderr.Should().Contain("already read");
    }

    [Fact]
    public async Task A_json_file_is_read_as_json_by_its_content_not_as_html()
    {
        var one = Write("one.json", """
            {
              "id": "pretty",
              "text": "城南街道开展志愿服务\n志愿者服务群众9人次。"
            }
            """);
        var many = Write("many.data", """[{"id":"x","text":"志愿者服务群众1人次。"},{"id":"y","html":"<p>志愿者服务群众2人次。</p>"}]""");

        var text = Write("brace.txt", "{城南街道}开展志愿服务\n志愿者服务群众9人次。");

        var (code, records, _) = await Run(one, many, text);

        code.Should().Be(0);
        records.Select(r => r.GetProperty("id").GetString()).Should().Equal("pretty", "x", "y", "brace");
        records[0].GetProperty("title").GetString().Should().Be("城南街道开展志愿服务");
    }

    [Fact]
    public async Task A_jsonl_line_over_the_input_cap_is_a_too_large_record_and_the_next_line_is_read()
    {
        var file = Path.Combine(_dir, "big.jsonl");
        await File.WriteAllTextAsync(file, "{\"id\":\"huge\",\"text\":\"" + new string('字', 2000) + "\"}\n{\"id\":\"after\",\"text\":\"志愿者服务群众8人次。\"}\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await ExtractCommand.RunAsync([file], null, OutputFormat.Jsonl, 2, null, stdout, stderr, CancellationToken.None, ExtractorOptions.Default with { MaxInputLength = 1000 });

        code.Should().Be(4);
        var records = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        records.Should().HaveCount(2);
        records[0].GetProperty("kind").GetString().Should().Be("too-large");
        records[0].GetProperty("id").GetString().Should().Be("big.jsonl:1");
        records[1].GetProperty("id").GetString().Should().Be("after");
        stderr.ToString().Should().Contain("1 failed (too-large 1)");
    }

    [Fact]
    public async Task A_broken_meta_sidecar_is_a_warning_not_a_crash()
    {
        Write("docs/a.txt", "城南街道开展志愿服务\n志愿者服务群众9人次。");
        Write("docs/meta.json", "{not json");

        var (code, records, stderr) = await Run(Path.Combine(_dir, "docs"));

        code.Should().Be(0);
        records.Should().ContainSingle();
        stderr.Should().Contain("meta.json: ignored");
    }

    [Fact]
    public async Task Bytes_are_read_in_bounded_lines_and_a_final_line_without_newline_counts()
    {
        var file = Path.Combine(_dir, "lines.jsonl");
        await File.WriteAllBytesAsync(file, [0xEF, 0xBB, 0xBF, .. "{\"a\":1}\r\n\n"u8, .. Encoding.UTF8.GetBytes(new string('x', 5000)), .. "\n{\"b\":2}"u8]);
        var lines = new List<(byte[]? Bytes, long Length)>();

        await foreach (var line in Inputs.ReadLines(file, 1000, CancellationToken.None))
        {
            lines.Add(line);
        }

        lines.Select(l => l.Length).Should().Equal(8, 0, 5000, 7);
        lines[0].Bytes.Should().Equal("{\"a\":1}\r"u8.ToArray());
        lines[2].Bytes.Should().BeNull();
        lines[3].Bytes.Should().Equal("{\"b\":2}"u8.ToArray());
    }
}

/// <summary>Issue #24: every user error of the tool is one line on standard error, a documented exit code, no stack trace.</summary>
public sealed class CliUserErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extract-usage-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string[], string> Cases => new()
    {
        { "unknown format", ["--format", "xml", "{file}"], "xml" },
        { "unknown entity strategy", ["--entities", "magic", "{file}"], "magic" },
        { "jobs not a number", ["--jobs", "many", "{file}"], "many" },
        { "jobs zero", ["--jobs", "0", "{file}"], "--jobs" },
        { "negative timeout", ["--timeout", "-1", "{file}"], "--timeout" },
        { "bad reference date", ["--reference-date", "2022-13-45", "{file}"], "--reference-date" },
        { "unknown option", ["--bogus", "{file}"], "--bogus" },
        { "unknown option taking a value", ["--strategy", "rules", "{file}"], "unknown option --strategy" },
        { "missing path", ["{dir}/missing.txt"], "not found" },
        { "no path", [], "no input" },
        { "empty folder", ["{dir}/empty"], "no input documents" },
        { "output folder missing", ["-o", "/missing-dir/x.jsonl", "{file}"], "cannot write" },
        { "segment pos with search mode", ["segment", "--pos", "--mode", "search"], "--pos" },
        { "segment unknown mode", ["segment", "--mode", "fast"], "fast" },
        { "eval without gold", ["eval"], "--gold" },
        { "eval missing gold folder", ["eval", "--gold", "{dir}/nogold"], "nogold" },
        { "eval gold folder without gold files", ["eval", "--gold", "{dir}/empty"], "no NAME.gold.json" },
        { "summarize missing file", ["summarize", "{dir}/missing.jsonl"], "not found" },
        { "eval-seg missing data", ["eval-seg", "--data", "{dir}/nosighan"], "not found" },
        { "bench missing path", ["bench", "{dir}/missing.txt"], "not found" },
        { "resume without a store", ["--resume", "{file}"], "--db" },
        { "shard not i/n", ["--shard", "two", "{file}"], "--shard" },
        { "shard index past the count", ["--shard", "2/2", "{file}"], "--shard" },
        { "empty standard input", ["-"], "no input documents" },
        { "export without a store", ["export", "--jsonl", "-"], "--db" },
        { "export without a target", ["export", "--db", "{dir}/x.duckdb"], "--parquet" },
        { "export missing store", ["export", "--db", "{dir}/missing.duckdb", "--jsonl", "-"], "not found" },
        { "enqueue without redis", ["enqueue", "{file}"], "--redis" },
        { "enqueue missing path", ["enqueue", "{dir}/missing.jsonl", "--redis", "127.0.0.1:1"], "not found" },
        { "worker without servers", ["worker"], "--redis" },
        { "summarize a file that is not a store", ["summarize", "{file}.duckdb"], "cannot open the store" },
        { "summarize an unknown format", ["summarize", "{file}", "--format", "xml"], "xml" },
        { "summarize top zero", ["summarize", "{file}", "--top", "0"], "--top" },
        { "report without an output", ["report", "{file}"], "--out" },
        { "report missing file", ["report", "{dir}/missing.jsonl", "-o", "{dir}/report.html"], "not found" },
        { "report a file that is not a store", ["report", "{file}.duckdb", "-o", "{dir}/report.html"], "cannot open the store" },
        { "report into a missing folder", ["report", "{file}", "-o", "/missing-dir/report.html"], "cannot write" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_one_line_exit_code_2_and_no_stack_trace(string name, string[] args, string mentions)
    {
        var file = Path.Combine(_dir, "doc.txt");
        File.WriteAllText(file, "城南街道开展志愿服务\n志愿者服务群众9人次。");
        File.WriteAllText(file + ".duckdb", "not a database");
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));
        var cli = Path.Combine(AppContext.BaseDirectory, "Extract.Cli.dll");
        var start = new ProcessStartInfo("dotnet", [cli, .. args.Select(a => a.Replace("{file}", file, StringComparison.Ordinal).Replace("{dir}", _dir, StringComparison.Ordinal))])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stderrTask = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        process.WaitForExit(120_000).Should().BeTrue(name);
        var stderr = await stderrTask;

        process.ExitCode.Should().Be(2, $"{name}: {stderr}");
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle(name);
        lines[0].Should().Contain(mentions, name).And.StartWith("extract", name);
        stderr.Should().NotContain("   at ", name).And.NotContain("Exception", name).And.NotContain("Extract.Cli.", name).And.NotContain("Description:", name);
    }

    [Fact]
    public void Help_lists_values_in_lowercase_with_examples_and_exit_codes()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Extract.Cli.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "--help"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var help = process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).Should().BeTrue();

        process.ExitCode.Should().Be(0);
        help.Should().Contain("jsonl|json|csv").And.Contain("merged|learned|rules|tagger").And.Contain("Examples:").And.Contain("Exit codes:");
        help.Should().NotContain("Jsonl").And.NotContain("Merged");
    }
}
