using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Extract.Tests.Robustness;

namespace Extract.Tests.Api;

/// <summary>
/// Every <c>```csharp</c> block of the repository README and of each package README compiles as written (as the
/// top-level program of a new console app: its implicit usings, nullable on, the C# version of the leg's framework)
/// against the library, and runs to the end in a folder holding <c>page.html</c>, <c>pages/</c> (the seed articles),
/// <c>userdict.txt</c> and <c>entities.zip</c> (the entity model's file, standing in for a retrained one). Runs alone: a sample reads relative paths and writes to the console.
/// </summary>
[Collection(UnobservedExceptions.Collection)]
public sealed partial class ReadmeSampleTests
{
    private static readonly string[] Readmes =
        ["README.md", "src/Extract/README.md", "src/Extract.Segmentation/README.md", "src/Extract.DependencyInjection/README.md"];

    private const string ConsoleAppUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public static TheoryData<string, int> Samples()
    {
        var data = new TheoryData<string, int>();
        foreach (var readme in Readmes)
        {
            for (var i = 0; i < Blocks(readme).Count; i++)
            {
                data.Add(readme, i);
            }
        }

        return data;
    }

    [Fact]
    public void Each_readme_has_a_sample() =>
        Readmes.Should().OnlyContain(readme => Blocks(readme).Count > 0);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_compiles_and_runs(string readme, int index)
    {
        var image = Compile(Blocks(readme)[index]);
        var folder = Directory.CreateTempSubdirectory("extract-sample-");
        var previousDirectory = Environment.CurrentDirectory;
        var (previousOut, previousError) = (Console.Out, Console.Error);
        var output = new StringWriter();
        var errors = new StringWriter();
        var context = new AssemblyLoadContext("readme-sample", isCollectible: true);
        try
        {
            Prepare(folder.FullName);
            Environment.CurrentDirectory = folder.FullName;
            Console.SetOut(output);
            Console.SetError(errors);
            var entry = context.LoadFromStream(new MemoryStream(image)).EntryPoint!;
            entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
        }
        catch (TargetInvocationException e)
        {
            throw new InvalidOperationException($"{readme} sample {index} threw: {e.InnerException}", e.InnerException);
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
            Environment.CurrentDirectory = previousDirectory;
            context.Unload();
            folder.Delete(recursive: true);
        }

        errors.ToString().Should().BeEmpty();
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().NotBeEmpty("a sample shows what it did");

        // The JSON lines a sample prints are records or error records of the documents it was given, one each.
        var ids = lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        var batch = ids.Where(id => id!.EndsWith(".txt", StringComparison.Ordinal)).ToList();
        if (batch.Count > 0)
        {
            batch.Should().BeEquivalentTo(Directory.GetFiles(RepoPaths.Seeds, "*.txt").Select(Path.GetFileName), "one result per page");
        }
    }

    private static byte[] Compile(string code)
    {
#if NET10_0
        var language = LanguageVersion.Default;
#else
        var language = LanguageVersion.CSharp12;
#endif
        var parse = new CSharpParseOptions(language);
        var compilation = CSharpCompilation.Create(
            "ReadmeSample",
            [CSharpSyntaxTree.ParseText(ConsoleAppUsings, parse), CSharpSyntaxTree.ParseText(code, parse)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
                // The SDK's default NoWarn for every project: assembly-version unification notes.
                .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString())
            .Should().BeEmpty("a README sample compiles as written, without warnings");
        emitted.Success.Should().BeTrue();
        return image.ToArray();
    }

    /// <summary>The framework's assemblies, the shipped libraries (core, segmentation, DI, batch, store) and the DI container, as a console app referencing the packages sees them.</summary>
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => ReferenceName().IsMatch(Path.GetFileName(path)))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    private static void Prepare(string folder)
    {
        File.Copy(Path.Combine(RepoPaths.Root, "corpus", "district-trs-article", "source.html"), Path.Combine(folder, "page.html"));
        var pages = Directory.CreateDirectory(Path.Combine(folder, "pages")).FullName;
        foreach (var seed in Directory.GetFiles(RepoPaths.Seeds, "*.txt"))
        {
            File.Copy(seed, Path.Combine(pages, Path.GetFileName(seed)));
        }

        File.WriteAllText(Path.Combine(folder, "userdict.txt"), "社区党员 5 n\n");
        // A retrained model, as the user's sample reads it: the embedded one's file stands in.
        File.Copy(Path.Combine(RepoPaths.Root, "models", "entities", "entities.zip"), Path.Combine(folder, "entities.zip"));
    }

    private static List<string> Blocks(string readme) =>
        [.. CsharpBlock().Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, readme)).ReplaceLineEndings("\n")).Select(m => m.Groups["code"].Value)];

    [GeneratedRegex(@"^```csharp\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline, 1000)]
    private static partial Regex CsharpBlock();

    [GeneratedRegex(@"^(System(\..+)?|mscorlib|netstandard|Microsoft\.Win32\..+|Microsoft\.CSharp|Microsoft\.Extensions\.(DependencyInjection|Logging)(\.Abstractions)?|Extract|Extract\.Segmentation|Extract\.DependencyInjection|Extract\.Batch|Extract\.Store)\.dll$", RegexOptions.None, 1000)]
    private static partial Regex ReferenceName();
}
