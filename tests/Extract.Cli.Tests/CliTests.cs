using System.Diagnostics;
using System.Text.Json;
using Extract.Cli;
using Extract.Cli.Commands;

namespace Extract.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extract-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] paths) => await RunWith(OutputFormat.Jsonl, null, paths);

    private static async Task<(int Code, string Out, string Err)> RunWith(OutputFormat format, string? referenceDate, params string[] paths)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ExtractCommand.RunAsync(paths, null, format, 2, referenceDate, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Jsonl_input_gives_one_record_per_line_in_input_order_with_errors_inline()
    {
        var lines = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            lines.Add(i == 5
                ? "{not json"
                : JsonSerializer.Serialize(new { id = $"doc{i}", text = $"党员志愿者服务社区纪实{i}\n第{i}段,志愿者累计服务群众{i + 10}人次。", fetchedAt = "2022-11-20T09:00:00+08:00" }));
        }

        var input = Write("batch.jsonl", string.Join('\n', lines));
        var (code, stdout, stderr) = await Run(input);

        code.Should().Be(4, "some documents failed");
        var records = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        records.Should().HaveCount(12);
        records.Select(r => r.GetProperty("id").GetString()).Should().Equal(
            "doc0", "doc1", "doc2", "doc3", "doc4", "batch.jsonl:6", "doc6", "doc7", "doc8", "doc9", "doc10", "doc11");
        records[5].GetProperty("error").GetString().Should().Contain("invalid JSON");
        records[5].GetProperty("kind").GetString().Should().Be("invalid-input");
        records[5].GetProperty("stage").GetString().Should().Be("input");
        records[0].GetProperty("schema").GetString().Should().Be("extract.article/1");
        stderr.Should().Contain("batch.jsonl:6").And.Contain("11 document(s) extracted, 1 failed (invalid-input 1)");
    }

    [Fact]
    public async Task A_one_sentence_text_document_yields_the_names_of_its_title()
    {
        var input = Write("one.jsonl", JsonSerializer.Serialize(new { id = "s1", text = "市委书记王建国在零陵区调研疫情防控工作" }));
        var (code, stdout, _) = await Run(input);

        code.Should().Be(0);
        var record = JsonDocument.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        var title = record.GetProperty("title").GetString()!;
        record.GetProperty("body").GetString().Should().BeEmpty();
        var person = record.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "王建国");
        var span = person.GetProperty("titleMentions")[0].EnumerateArray().Select(e => e.GetInt32()).ToArray();
        title[span[0]..span[1]].Should().Be("王建国");
    }

    [Fact]
    public async Task A_folder_is_read_in_name_order_with_its_meta_sidecar()
    {
        Write("b.txt", "第二篇文章的标题\n11月2日,志愿者上门服务。");
        Write("a.html", "<html><head><title>第一篇文章_某某网</title></head><body><p>志愿者开展服务活动,服务群众100人次。</p></body></html>");
        Write("meta.json", """{"b": {"fetchedAt": "2022-11-20T09:00:00+08:00"}}""");
        Write("ignored.csv", "x,y");

        var (code, stdout, _) = await Run(_dir);

        code.Should().Be(0);
        var records = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        records.Select(r => r.GetProperty("id").GetString()).Should().Equal("a", "b");
        records[0].GetProperty("title").GetString().Should().Be("第一篇文章");
        records[1].GetProperty("dates")[0].GetProperty("value").GetString().Should().Be("2022-11-02");
    }

    [Fact]
    public async Task Files_of_nested_folders_are_named_by_their_path_and_read_their_own_meta_sidecar()
    {
        // Crawls keep one folder per site with the same file names in each: site-a/1.html and site-b/1.html are two articles.
        Write("1.txt", "顶层文章的标题\n志愿者上门服务。");
        Write("site-a/1.txt", "甲站文章的标题\n11月2日,志愿者上门服务。");
        Write("site-b/1.txt", "乙站文章的标题\n11月3日,志愿者上门服务。");
        Write("site-b/meta.json", """{"1": {"fetchedAt": "2022-11-20T09:00:00+08:00"}}""");

        var (code, stdout, stderr) = await Run(_dir);

        code.Should().Be(0);
        stderr.Should().NotContain("duplicate");
        var records = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        records.Select(r => r.GetProperty("id").GetString()).Should().Equal("1", "site-a/1", "site-b/1");
        records[2].GetProperty("dates")[0].GetProperty("value").GetString().Should().Be("2022-11-03", "site-b's own meta.json gives the crawl year");
        records[1].GetProperty("dates")[0].GetProperty("value").GetString().Should().Be("--11-02", "site-a has no crawl time");
    }

    [Fact]
    public async Task Exit_code_says_whether_every_some_or_no_document_was_extracted()
    {
        var bad = Path.Combine(_dir, "bad.txt");
        await File.WriteAllBytesAsync(bad, [0, 0, 0, 1, 2, 0, 0, 0, 0, 0]);
        (await Run(bad)).Code.Should().Be(1);

        var good = Write("good.txt", "标题很长的一篇文章\n正文。");
        (await Run(_dir)).Code.Should().Be(4);
        (await Run(good)).Code.Should().Be(0);
    }

    [Fact]
    public async Task Wrong_arguments_exit_with_2()
    {
        (await Run()).Code.Should().Be(2);
        (await Run(Path.Combine(_dir, "missing.txt"))).Code.Should().Be(2);
        var (code, _, stderr) = await RunWith(OutputFormat.Jsonl, "2022-13-45", Write("x.txt", "正文"));
        code.Should().Be(2);
        stderr.Should().Contain("--reference-date");
    }

    [Fact]
    public async Task Reference_date_resolves_yearless_dates_when_nothing_else_does()
    {
        var file = Write("r.txt", "某社区志愿服务纪实\n11月2日,志愿者上门服务。");
        var (_, stdout, _) = await RunWith(OutputFormat.Jsonl, "2021-01-10", file);
        JsonDocument.Parse(stdout).RootElement.GetProperty("dates")[0].GetProperty("value").GetString().Should().Be("2020-11-02");
    }

    [Fact]
    public async Task Json_and_csv_formats_are_well_formed()
    {
        var file = Write("f.txt", "某社区志愿服务纪实\n志愿者服务群众100人次,发放物资20份。");
        var (_, json, _) = await RunWith(OutputFormat.Json, null, file);
        JsonDocument.Parse(json).RootElement.GetArrayLength().Should().Be(1);

        var (_, csv, _) = await RunWith(OutputFormat.Csv, null, file);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows.Should().HaveCount(2);
        rows[0].Should().StartWith("id,error,title");
        rows[1].Should().StartWith("f,,某社区志愿服务纪实");
    }

    [Fact]
    public void The_built_tool_runs_as_a_process_and_prints_records()
    {
        var file = Write("p.txt", "某社区志愿服务纪实\n志愿者服务群众100人次。");
        var cli = Path.Combine(AppContext.BaseDirectory, "Extract.Cli.dll");
        var start = new ProcessStartInfo("dotnet", [cli, file]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).Should().BeTrue();
        process.ExitCode.Should().Be(0);
        JsonDocument.Parse(stdout).RootElement.GetProperty("id").GetString().Should().Be("p");
    }

    [Fact]
    public void Entity_and_page_options_parse_and_a_bad_value_is_refused()
    {
        var file = Write("e.txt", "零陵区税务局开展志愿服务\n零陵区税务局党委书记蒋文锋带队，服务群众100人次。");
        var cli = Path.Combine(AppContext.BaseDirectory, "Extract.Cli.dll");
        foreach (var strategy in new[] { "rules", "merged", "learned", "tagger" })
        {
            var start = new ProcessStartInfo("dotnet", [cli, file, "--entities", strategy, "--heuristic-page"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit(60_000).Should().BeTrue();
            process.ExitCode.Should().Be(0, strategy);
            var record = JsonDocument.Parse(stdout).RootElement;
            var names = record.GetProperty("places").EnumerateArray().Concat(record.GetProperty("organizations").EnumerateArray())
                .Select(p => p.GetProperty("name").GetString()!);
            names.Should().Contain(n => n.StartsWith("零陵区", StringComparison.Ordinal), strategy);
            record.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Contain("蒋文锋", strategy);
        }

        var bad = new ProcessStartInfo("dotnet", [cli, file, "--entities", "magic"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var refused = Process.Start(bad)!;
        refused.StandardError.ReadToEnd().Should().Contain("magic");
        refused.WaitForExit(60_000).Should().BeTrue();
        refused.ExitCode.Should().NotBe(0);
    }

    [Fact]
    public void Eval_prints_the_per_field_table_for_a_gold_folder()
    {
        Write("g.txt", "某社区志愿服务纪实\n来源:某某日报\n志愿者服务群众100人次。");
        Write("g.gold.json", """{"id":"g","title":"某社区志愿服务纪实","outlet":"某某日报","achievements":[{"text":"志愿者服务群众100人次","value":100,"unit":"人次"}]}""");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        EvalCommand.Run(_dir, verbose: false, stdout, stderr, CancellationToken.None).Should().Be(0);
        stdout.ToString().Should().Contain("achievements").And.Contain("1.000");
    }
}

public sealed class BenchTests
{
    [Fact]
    public async Task Prints_every_figure_without_judging_them()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "某社区志愿服务纪实\n志愿者服务群众100人次。");
        try
        {
            using var stdout = new StringWriter();
            (await BenchCommand.RunAsync([file], 2, 2, stdout, CancellationToken.None)).Should().Be(0);
            stdout.ToString().Should().Contain("cold start").And.Contain("docs/s").And.Contain("MB/s").And.Contain("peak working set").And.Contain("0 failure(s)");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Stages_and_anchors_name_every_stage_and_both_anchors()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "a.txt"), "某社区志愿服务纪实\n3月20日，城南街道志愿者服务群众100人次。");
        await File.WriteAllTextAsync(Path.Combine(folder, "b.html"), "<html><head><title>城南街道志愿服务</title></head><body><article><h1>城南街道志愿服务</h1><p>3月20日，城南街道志愿者服务群众100人次，张明说这是第一次。</p></article></body></html>");
        try
        {
            using var stdout = new StringWriter();
            (await BenchCommand.RunAsync([folder], 1, 1, stdout, CancellationToken.None, EntityStrategy.Learned, stages: true)).Should().Be(0);
            var text = stdout.ToString();
            text.Should().Contain("anchor jieba.NET").And.Contain("anchor SmartReader").And.Contain("over 1 HTML page(s)");
            foreach (var stage in new[] { "decode", "page", "text", "tokens", "NameTagRecognizer", "EntityDecision", "AchievementRecognizer", "record", "json", "(sum of stages)" })
            {
                text.Should().Contain(stage);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class SegmentCommandTests
{
    [Fact]
    public void Eval_seg_refuses_a_missing_folder()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        SegmentCommands.EvaluateSighan("/nonexistent/sighan", hmm: true, stdout, stderr).Should().Be(2);
        stderr.ToString().Should().Contain("not found");
    }

    [Fact]
    public void Segment_prints_tokens_for_stdin_lines()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Extract.Cli.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "segment", "--pos"]) { RedirectStandardInput = true, RedirectStandardOutput = true, StandardInputEncoding = new System.Text.UTF8Encoding(false) };
        using var process = Process.Start(start)!;
        process.StandardInput.WriteLine("志愿者上门采集核酸");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).Should().BeTrue();
        output.Trim().Split(' ').Should().Contain(t => t.StartsWith("志愿者/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resource_that_does_not_read_is_one_line_and_exit_code_3()
    {
        var command = new System.CommandLine.RootCommand("test");
        command.SetAction((Func<System.CommandLine.ParseResult, int>)(_ => Extract.Segmentation.Resources.ResourceLoading.Guard<int>(
            () => throw new InvalidDataException("Model resource 'Extract.Models.x' does not read 136 features"))));
        using var error = new StringWriter();

        var code = await Program.Run(command.Parse([]), error);

        code.Should().Be(3);
        error.ToString().Trim().Should().Be("extract: cannot start: Model resource 'Extract.Models.x' does not read 136 features");
    }

    [Fact]
    public async Task A_failure_that_is_not_a_damaged_resource_is_not_reported_as_one()
    {
        var command = new System.CommandLine.RootCommand("test");
        command.SetAction((Func<System.CommandLine.ParseResult, int>)(_ => throw new InvalidOperationException("a bug")));
        using var error = new StringWriter();

        var run = () => Program.Run(command.Parse([]), error);

        await run.Should().ThrowAsync<InvalidOperationException>().WithMessage("a bug");
        error.ToString().Should().BeEmpty();
    }
}
