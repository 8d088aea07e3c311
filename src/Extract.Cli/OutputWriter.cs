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

/// <summary>Writes results one by one as JSON Lines, a JSON array, or CSV (one row per document).</summary>
internal sealed class OutputWriter(TextWriter writer, OutputFormat format)
{
    private int _count;

    public void Begin()
    {
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
                string.Join(';', a.Achievements.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Value}{x.Unit}"))),
                a.Body.Length.ToString(CultureInfo.InvariantCulture),
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
