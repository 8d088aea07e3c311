using System.Text;

namespace Extract.Tests.Page.Fixtures;

/// <summary>Reads the small HTML fixtures copied beside the test assembly.</summary>
internal static class PageFixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Page", "Fixtures", name), Encoding.UTF8);

    public static Encoding Gbk { get; } = CodePagesEncodingProvider.Instance.GetEncoding("gb18030")!;

    public static Encoding Big5 { get; } = CodePagesEncodingProvider.Instance.GetEncoding("big5")!;
}
