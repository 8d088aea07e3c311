using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Extract.Cli.Report;

/// <summary>What the report says about how it was made: its inputs and the extract build that wrote it.</summary>
/// <param name="Inputs">The files or store read.</param>
/// <param name="Version">The extract build's version.</param>
/// <param name="Options">The pipeline options of this build (name, value), in display order.</param>
internal sealed record ReportInfo(ImmutableArray<string> Inputs, string Version, ImmutableArray<KeyValuePair<string, string>> Options)
{
    /// <summary>The report info for <paramref name="inputs"/>: this build's version and default options.</summary>
    public static ReportInfo For(IEnumerable<string> inputs)
    {
        var options = ExtractorOptions.Default;
        return new ReportInfo(
            [.. inputs.Select(Path.GetFileName).OfType<string>()],
            typeof(ArticleExtractor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(ArticleExtractor).Assembly.GetName().Version?.ToString() ?? "unknown",
            [
                new("entities", options.Entities.ToString().ToLowerInvariant()),
                new("learned page blocks", options.UseLearnedPageBlocks ? "yes" : "no"),
                new("max body (characters)", Number(options.MaxBodyLength)),
                new("max clause (characters)", Number(options.MaxClauseLength)),
                new("max entity (characters)", Number(options.MaxEntityLength)),
                new("max mentions per name", Number(options.MaxMentionsPerName)),
                new("document timeout (s)", Number((int)options.DocumentTimeout.TotalSeconds)),
                new("keywords per article", Number(options.KeywordCount)),
            ]);
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>
/// Writes the corpus report: one self-contained HTML page with Apache ECharts (vendored, embedded in this assembly)
/// inline, the figures of a <see cref="CorpusModel"/> as one JSON blob, and the page script that draws the charts from it.
/// </summary>
internal static class ReportPage
{
    /// <summary>People and organisations listed.</summary>
    public const int TopNames = 30;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the page.</summary>
    public static void Write(TextWriter writer, CorpusModel model, ReportInfo info)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var template = Resource("report.html");
        var script = Resource("report.js");
        var style = Resource("report.css");
        var echarts = Resource("echarts.min.js");
        var licence = Resource("echarts.LICENSE");
        var data = Data(model, info);
        var parts = template.Split("<!--SLOT-->");
        if (parts.Length != 6)
        {
            throw new InvalidDataException("the report template is damaged (it should have five slots)");
        }

        // Style, the ECharts licence (the page redistributes the library), ECharts, the data, the page script.
        string[] slots = [style, licence, echarts, data, script];
        for (var i = 0; i < slots.Length; i++)
        {
            writer.Write(parts[i]);
            writer.Write(slots[i]);
        }

        writer.Write(parts[^1]);
        writer.Flush();
    }

    /// <summary>The JSON blob the page script reads (with <c>&lt;</c> escaped, so it can sit inside a script element).</summary>
    public static string Data(CorpusModel model, ReportInfo info)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(info);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            WriteInfo(json, model, info);
            WriteRows(json, model);
            WriteTotals(json, "byMonth", model.Totals(AchievementGrouping.Action | AchievementGrouping.Month));
            WriteTotals(json, "byActor", model.Totals(AchievementGrouping.Actor));
            WriteUnits(json, model);
            json.WritePropertyName("places");
            WriteDivisions(json, model.Divisions);
            WriteNames(json, "people", model.People.Take(TopNames), model, withOrganizations: true);
            WriteNames(json, "organizations", model.Organizations.Take(TopNames), model, withOrganizations: false);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("<", "\\u003c", StringComparison.Ordinal);
    }

    private static void WriteInfo(Utf8JsonWriter json, CorpusModel model, ReportInfo info)
    {
        json.WriteStartArray("inputs");
        foreach (var input in info.Inputs)
        {
            json.WriteStringValue(input);
        }

        json.WriteEndArray();
        json.WriteStartObject("tool");
        json.WriteString("version", info.Version);
        json.WriteStartArray("options");
        foreach (var (name, value) in info.Options)
        {
            json.WriteStartArray();
            json.WriteStringValue(name);
            json.WriteStringValue(value);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("health");
        json.WriteNumber("documents", model.Documents);
        json.WriteNumber("articles", model.Articles);
        json.WriteNumber("errors", model.Errors);
        json.WriteNumber("figures", model.Figures.Count);
        json.WriteNumber("withoutPublishedAt", model.WithoutPublishedAt);
        json.WriteNumber("withoutAuthors", model.WithoutAuthors);
        json.WriteNumber("withoutAchievements", model.WithoutAchievements);
        json.WriteNumber("listPages", model.ListPages);
        json.WriteNumber("unreadableLines", model.UnreadableLines);
        WriteCounts(json, "errorsByKind", model.ErrorsByKind);
        WriteCounts(json, "errorsByStage", model.ErrorsByStage);
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, SortedDictionary<string, int> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, count) in counts)
        {
            json.WriteNumber(key, count);
        }

        json.WriteEndObject();
    }

    // One array per document, positional to keep 10,000 rows small:
    // [id, title, outlet, publishedAt, url, authors, achievements, isArticle, error, kind, stage].
    private static void WriteRows(Utf8JsonWriter json, CorpusModel model)
    {
        json.WriteStartArray("rows");
        foreach (var row in model.Rows)
        {
            json.WriteStartArray();
            json.WriteStringValue(row.Id);
            json.WriteStringValue(row.Title);
            json.WriteStringValue(row.Outlet);
            json.WriteStringValue(row.PublishedAt);
            json.WriteStringValue(row.Url);
            json.WriteNumberValue(row.Authors);
            json.WriteNumberValue(row.Achievements);
            json.WriteBooleanValue(row.IsArticle);
            json.WriteStringValue(row.Error);
            json.WriteStringValue(row.Kind);
            json.WriteStringValue(row.Stage);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static void WriteTotals(Utf8JsonWriter json, string name, ImmutableArray<GroupTotal> totals)
    {
        json.WriteStartArray(name);
        foreach (var (total, rows) in totals)
        {
            json.WriteStartObject();
            json.WriteString("unit", total.Unit);
            json.WriteString("action", total.Action);
            json.WriteString("actor", total.Actor);
            json.WriteString("month", total.Month);
            json.WriteNumber("value", total.Value);
            json.WriteNumber("count", total.Count);
            json.WriteBoolean("approx", total.Approx);
            WriteRowList(json, rows);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteUnits(Utf8JsonWriter json, CorpusModel model)
    {
        json.WriteStartArray("units");
        foreach (var (total, rows) in model.Totals(AchievementGrouping.Unit))
        {
            json.WriteStartObject();
            json.WriteString("unit", total.Unit);
            json.WriteNumber("value", total.Value);
            json.WriteNumber("count", total.Count);
            json.WriteBoolean("approx", total.Approx);
            json.WriteNumber("articles", rows.Length);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteDivisions(Utf8JsonWriter json, DivisionNode root)
    {
        json.WriteStartArray();
        foreach (var node in root.Children.Values.OrderByDescending(n => n.Weight).ThenBy(n => n.Name, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", node.Name);
            json.WriteString("code", node.Code);
            json.WriteNumber("value", node.Weight);
            json.WriteNumber("articles", node.Rows.Count);
            WriteRowList(json, node.Rows);
            if (node.Children.Count > 0)
            {
                json.WritePropertyName("children");
                WriteDivisions(json, node);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteNames(Utf8JsonWriter json, string name, IEnumerable<NameTally> tallies, CorpusModel model, bool withOrganizations)
    {
        json.WriteStartArray(name);
        foreach (var tally in tallies)
        {
            json.WriteStartObject();
            json.WriteString("name", tally.Name);
            json.WriteNumber("articles", tally.Rows.Count);
            json.WriteNumber("mentions", tally.Mentions);
            json.WriteNumber("credited", model.CreditedTo(tally.Name));
            WriteRanked(json, "roles", tally.Roles);
            if (withOrganizations)
            {
                WriteRanked(json, "organizations", tally.Organizations);
            }

            WriteRowList(json, tally.Rows);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteRanked(Utf8JsonWriter json, string name, Dictionary<string, int> counts)
    {
        json.WriteStartArray(name);
        foreach (var (key, count) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(5))
        {
            json.WriteStartArray();
            json.WriteStringValue(key);
            json.WriteNumberValue(count);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static void WriteRowList(Utf8JsonWriter json, IReadOnlyList<int> rows)
    {
        json.WriteStartArray("rows");
        foreach (var row in rows)
        {
            json.WriteNumberValue(row);
        }

        json.WriteEndArray();
    }

    private static string Resource(string name)
    {
        using var stream = typeof(ReportPage).Assembly.GetManifestResourceStream("Extract.Cli.Report." + name)
            ?? throw new InvalidDataException($"the embedded resource Extract.Cli.Report.{name} is missing from this build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
