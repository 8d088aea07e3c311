using System.Reflection;
using System.Runtime.CompilerServices;

namespace Extract.Segmentation.Tests;

public sealed class ArchitectureTests
{
    private static readonly Assembly Library = typeof(JiebaSegmenter).Assembly;

    [Fact]
    public void Public_classes_are_sealed_or_static_and_have_no_public_setters()
    {
        foreach (var type in Library.GetExportedTypes().Where(t => t.IsClass))
        {
            (type.IsSealed || type.IsAbstract).Should().BeTrue($"{type} should be sealed (or static)");
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)) // not the BCL's Exception.HelpLink/Source
            {
                var setter = p.SetMethod;
                if (setter is { IsPublic: true })
                {
                    setter.ReturnParameter.GetRequiredCustomModifiers().Should().Contain(typeof(IsExternalInit), $"{type}.{p.Name} must be init-only");
                }
            }
        }
    }

    [Fact]
    public void There_are_no_mutable_static_fields()
    {
        var offenders = Library.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.IsDefined(typeof(CompilerGeneratedAttribute)))
            .Where(f => !f.DeclaringType!.IsDefined(typeof(CompilerGeneratedAttribute)) && !f.DeclaringType!.Name.Contains('<', StringComparison.Ordinal))
            .Select(f => $"{f.DeclaringType}.{f.Name}")
            .ToList();
        offenders.Should().BeEmpty();
    }

    [Fact]
    public void The_public_surface_is_the_segmenter_api()
    {
        Library.GetExportedTypes().Select(t => t.FullName).Should().BeEquivalentTo(
            "Extract.Segmentation.Token",
            "Extract.Segmentation.TaggedToken",
            "Extract.Segmentation.TokenizerMode",
            "Extract.Segmentation.JiebaSegmenter",
            "Extract.Segmentation.PosSegmenter",
            "Extract.Segmentation.TfidfExtractor",
            "Extract.Segmentation.Resources.DamagedResourceException");
    }

    [Fact]
    public void Internals_are_visible_to_tests_benchmarks_and_the_two_builders_of_its_format_only()
    {
        Library.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).Should().BeEquivalentTo(
            "Extract.Segmentation.Tests",
            "Extract.Cli.Tests",
            "Extract.Benchmarks",
            "Extract", // ResourceLoading: one guard, so a damaged model fails alike in both packages
            "Extract.Training"); // compile-jieba writes the embedded model format that JiebaModel reads
    }
}
