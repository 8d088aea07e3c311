using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Extract.Recognition.Numbers;

/// <summary>First version: Arabic numbers (with 万/亿 and 余/多 qualifiers) followed by a unit from a small lexicon.</summary>
internal sealed partial class QuantityRecognizer : IRecognizer
{
    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken)
    {
        var quantities = ImmutableArray.CreateBuilder<QuantityMention>();
        foreach (Match match in QuantityRegex().Matches(document.Body))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var value = decimal.Parse(match.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            value *= match.Groups["scale"].Value switch { "万" => 10_000m, "亿" => 100_000_000m, _ => 1m };
            var unit = match.Groups["unit"].Value;
            if (unit is "万元")
            {
                value *= 10_000m;
                unit = "元";
            }

            var approx = match.Groups["pre"].Success || match.Groups["post"].Success;
            quantities.Add(new QuantityMention(new TextSpan(match.Index, match.Index + match.Length), match.Value, value, unit, approx));
        }

        return found with { Quantities = quantities.ToImmutable() };
    }

    [GeneratedRegex(@"(?<pre>近|约|超过|超)?(?<n>\d+(?:,\d{3})*(?:\.\d+)?)(?<scale>万|亿)?(?<post>余|多)?(?<unit>人次|万元|元|名|位|人|个|份|户|件|次|场|支|轮|小时|平方米|公里|吨|瓶|箱|袋|台|辆|条|处|家|批|组|间|栋|面|张|套|双|斤|公斤|千克)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex QuantityRegex();
}
