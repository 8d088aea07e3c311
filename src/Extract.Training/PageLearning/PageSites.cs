using System.Text;
using System.Text.RegularExpressions;
using Extract.Training.PageEvaluation;

namespace Extract.Training.PageLearning;

/// <summary>
/// The site a gold page comes from, as a registrable domain (news.sohu.com and business.sohu.com are one site: sohu.com),
/// for grouping pages so that no site is in both the training and the test folds. From the page's URL, else its
/// canonical / og:url link, else the domain most of its absolute links point to, else the page itself (its own group).
/// </summary>
internal static partial class PageSites
{
    private static readonly string[] SecondLevel = ["com", "net", "org", "gov", "edu", "ac", "co"];

    public static string Of(GoldPage page)
    {
        if (Domain(page.Url) is { } fromUrl)
        {
            return fromUrl;
        }

        var bytes = File.ReadAllBytes(page.HtmlPath);
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 256 * 1024));
        var canonical = CanonicalRegex().Match(head);
        if (canonical.Success && Domain(canonical.Groups["url"].Value) is { } fromCanonical)
        {
            return fromCanonical;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match link in LinkRegex().Matches(head))
        {
            if (Domain(link.Groups["url"].Value) is { } domain)
            {
                counts[domain] = counts.GetValueOrDefault(domain) + 1;
            }
        }

        var top = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault();
        return top.Value >= 5 ? top.Key : $"{page.Set}/{page.Id}";
    }

    /// <summary>The registrable domain of an http(s) URL (two labels, three under com.cn-style second levels), or null.</summary>
    internal static string? Domain(string? url)
    {
        if (url is null)
        {
            return null;
        }

        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            url = "http:" + url;
        }
        else if (!url.Contains("://", StringComparison.Ordinal))
        {
            url = "http://" + url;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.HostNameType != UriHostNameType.Dns)
        {
            return null;
        }

        var labels = uri.Host.ToLowerInvariant().Split('.');
        if (labels.Length < 2)
        {
            return null;
        }

        var take = labels.Length >= 3 && labels[^1].Length == 2 && SecondLevel.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^take..]);
    }

    [GeneratedRegex("""<link[^>]+rel=["']?canonical["']?[^>]+href=["'](?<url>[^"']+)|og:url["'][^>]*content=["'](?<url>[^"']+)""", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CanonicalRegex();

    [GeneratedRegex("""href=["']?(?<url>https?://[^"'\s>]+)""", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkRegex();
}
