using System.Globalization;
using System.Text;
using Extract.Json;

namespace Extract.Cli;

/// <summary>Output format of the extract command.</summary>
internal enum OutputFormat
{
    Jsonl,
    Json,
    Csv,
}

/// <summary>
/// Writes results one by one as JSON Lines, a JSON array, or CSV (one row per document; with an
/// <paramref name="achievements"/> writer, also one row per achievement, for <c>achievements.csv</c>).
/// </summary>
internal sealed class OutputWriter(TextWriter writer, OutputFormat format, TextWriter? achievements = null)
{
    /// <summary>The header of the per-achievement CSV: the document id, then the achievement's fields.</summary>
    public const string AchievementsHeader = "id,text,value,unit,approx,actor,action,date,start,end";

    private int _count;

    /// <summary>
    /// The encoding of a CSV file: UTF-8, with a byte-order mark when <paramref name="bom"/> (Excel reads a CSV without
    /// one in the system's ANSI code page and shows Chinese as mojibake).
    /// </summary>
    public static Encoding CsvEncoding(bool bom) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom);

    public void Begin()
    {
        achievements?.WriteLine(AchievementsHeader);
        if (format == OutputFormat.Json)
        {
            writer.Write('[');
        }
        else if (format == OutputFormat.Csv)
        {
            writer.WriteLine("id,error,title,outlet,publishedAt,authors,editors,people,organizations,places,dates,achievements,bodyLength");
        }
    }

    public void Write(ExtractionResult result)
    {
        switch (format)
        {
            case OutputFormat.Jsonl:
                writer.WriteLine(ArticleJson.Serialize(result));
                break;
            case OutputFormat.Json:
                writer.Write(_count == 0 ? "\n" : ",\n");
                writer.Write(ArticleJson.Serialize(result, indented: true));
                break;
            default:
                writer.WriteLine(CsvRow(result));
                if (achievements is not null && result.Article is { } article)
                {
                    foreach (var achievement in article.Achievements)
                    {
                        achievements.WriteLine(AchievementRow(article.Id, achievement));
                    }
                }

                break;
        }

        _count++;
    }

    public void End()
    {
        if (format == OutputFormat.Json)
        {
            writer.WriteLine(_count == 0 ? "]" : "\n]");
        }

        writer.Flush();
        achievements?.Flush();
    }

    private static string CsvRow(ExtractionResult result)
    {
        var a = result.Article;
        string[] cells = a is null
            ? [result.Id, result.Error!, "", "", "", "", "", "", "", "", "", "", ""]
            :
            [
                a.Id, "", a.Title ?? "", a.Outlet ?? "", a.PublishedAt ?? "",
                string.Join(';', a.Authors), string.Join(';', a.Editors),
                string.Join(';', a.People.Select(p => p.Name)),
                string.Join(';', a.Organizations.Select(o => o.Name)),
                string.Join(';', a.Places.Select(p => p.Name)),
                string.Join(';', a.Dates.Select(d => d.Value)),
                // "value unit" pairs, so a number and its unit stay apart (12 名;30 个); achievements.csv has every field.
                string.Join(';', a.Achievements.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Value} {x.Unit}"))),
                a.Body.Length.ToString(CultureInfo.InvariantCulture),
            ];
        return string.Join(',', cells.Select(Quote));
    }

    private static string AchievementRow(string id, Achievement a)
    {
        string[] cells =
        [
            id, a.Text, a.Value.ToString(CultureInfo.InvariantCulture), a.Unit, a.Approx ? "true" : "false",
            a.Actor ?? "", a.Action ?? "", a.Date ?? "",
            a.Span?.Start.ToString(CultureInfo.InvariantCulture) ?? "", a.Span?.End.ToString(CultureInfo.InvariantCulture) ?? "",
        ];
        return string.Join(',', cells.Select(Quote));
    }

    private static string Quote(string cell)
    {
        if (cell.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return cell;
        }

        var builder = new StringBuilder(cell.Length + 2).Append('"');
        builder.Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
        return builder.Append('"').ToString();
    }
}
