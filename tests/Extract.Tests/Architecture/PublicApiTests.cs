using System.Collections;
using System.Collections.Immutable;
using System.Reflection;

namespace Extract.Tests.Architecture;

public sealed class PublicApiTests
{
    private static readonly Assembly[] Shipped = [typeof(ArticleExtractor).Assembly];

    private static IEnumerable<Type> PublicTypes() => Shipped.SelectMany(a => a.GetExportedTypes());

    [Fact]
    public void Public_classes_are_sealed_or_static()
    {
        PublicTypes()
            .Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed))
            .Select(t => t.FullName)
            .Should().BeEmpty();
    }

    [Fact]
    public void Public_types_have_no_public_setters()
    {
        PublicTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .Should().BeEmpty();
    }

    [Fact]
    public void Public_collections_are_immutable()
    {
        PublicTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)
                && !(p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}: {p.PropertyType.Name}")
            .Should().BeEmpty();
    }

    [Fact]
    public void No_static_field_is_mutable()
    {
        var assemblies = Shipped.Append(typeof(Extract.Segmentation.JiebaSegmenter).Assembly);
        assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) && !f.Name.Contains('<'))
            .Select(f => $"{f.DeclaringType!.FullName}.{f.Name}")
            .Should().BeEmpty();
    }
}
