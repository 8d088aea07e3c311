using System.Text.RegularExpressions;

namespace Extract.Tests.Architecture;

/// <summary>
/// The library's top-level folders (one namespace each: Decoding, Page, Text, Metadata, Tokens, Recognition,
/// Resolution and the shared Calendar, Layout, Learning, Resources, Json) import one another without cycles. A source
/// scan: a file of folder A depends on folder B when it has <c>using Extract.B</c>, names <c>Extract.B.…</c>, or names
/// <c>B.X</c> where X is a type or namespace of Extract.B (the namespace-relative form code inside Extract.* may use).
/// Files at the root (the composition root and the public records) are not a folder and are left out.
/// </summary>
public sealed partial class FolderDependencyTests
{
    private static readonly string Source = Path.Combine(RepoPaths.Root, "src", "Extract");

    [Fact]
    public void No_import_cycles_between_the_top_level_folders()
    {
        var graph = Dependencies();
        graph.Keys.Should().Contain(["Page", "Recognition", "Resolution", "Learning"], "the scan must see the folders it checks");
        graph["Resolution"].Should().Contain("Recognition", "the scan must see a dependency that exists");

        var cycles = Cycles(graph);

        cycles.Should().BeEmpty("folders form layers; found {0}", string.Join("; ", graph.Select(kv => $"{kv.Key} → {string.Join(", ", kv.Value.Order(StringComparer.Ordinal))}")));
    }

    [Fact]
    public void Resolution_is_the_last_stage_no_folder_imports_it()
    {
        // Sources propose (Recognition/*), one decision keeps (Recognition/Entities), resolution only adds to what was
        // kept (Resolution/); the composition root wires them. A recogniser or decision that reached into Resolution
        // would describe or resolve before the decision.
        var graph = Dependencies();
        graph["Resolution"].Should().Contain("Recognition", "the scan must see a dependency that exists");
        graph.Where(kv => kv.Value.Contains("Resolution")).Select(kv => kv.Key).Should().BeEmpty("only the composition root imports Resolution");
    }

    [Fact]
    public void The_cycle_check_finds_a_cycle_through_three_folders_and_none_in_a_chain()
    {
        static Dictionary<string, HashSet<string>> Graph(params (string From, string To)[] edges)
        {
            var graph = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().ToDictionary(n => n, _ => new HashSet<string>(), StringComparer.Ordinal);
            foreach (var (from, to) in edges)
            {
                graph[from].Add(to);
            }

            return graph;
        }

        Cycles(Graph(("Page", "Learning"), ("Learning", "Recognition"), ("Recognition", "Page"), ("Text", "Page")))
            .Should().ContainSingle().Which.Should().BeEquivalentTo(["Page", "Learning", "Recognition"]);
        Cycles(Graph(("Resolution", "Recognition"), ("Recognition", "Tokens"), ("Resolution", "Tokens"))).Should().BeEmpty();
    }

    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var folders = Directory.GetDirectories(Source)
            .Select(Path.GetFileName)
            .Where(name => name is not null and not "bin" and not "obj" and not "Properties")
            .Select(name => name!)
            .ToHashSet(StringComparer.Ordinal);

        // What each folder's namespace holds at its first level below the folder (types and sub-namespaces), from the assembly.
        var members = folders.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var type in typeof(ArticleExtractor).Assembly.GetTypes())
        {
            var parts = (type.Namespace ?? "").Split('.');
            if (parts.Length >= 2 && parts[0] == "Extract" && members.TryGetValue(parts[1], out var set))
            {
                set.Add(parts.Length >= 3 ? parts[2] : type.Name.Split('`')[0]);
            }
        }

        var graph = folders.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Source, folder), "*.cs", SearchOption.AllDirectories))
            {
                var code = Comments().Replace(File.ReadAllText(file), " ");
                foreach (Match match in Qualified().Matches(code))
                {
                    graph[folder].Add(match.Groups[1].Value);
                }

                foreach (Match match in Relative().Matches(code))
                {
                    var (target, member) = (match.Groups[1].Value, match.Groups[2].Value);
                    if (members.TryGetValue(target, out var known) && known.Contains(member))
                    {
                        graph[folder].Add(target);
                    }
                }
            }

            graph[folder].IntersectWith(folders);
            graph[folder].Remove(folder);
        }

        return graph;
    }

    // Strongly connected components of more than one folder (Tarjan).
    private static List<List<string>> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph[node])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string popped;
                do
                {
                    popped = stack.Pop();
                    onStack.Remove(popped);
                    component.Add(popped);
                }
                while (popped != node);
                if (component.Count > 1)
                {
                    cycles.Add(component);
                }
            }
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|""(?:[^""\\\n]|\\.)*""", RegexOptions.Singleline, matchTimeoutMilliseconds: 5000)]
    private static partial Regex Comments();

    [GeneratedRegex(@"\bExtract\.([A-Z][A-Za-z]*)\b", RegexOptions.None, matchTimeoutMilliseconds: 5000)]
    private static partial Regex Qualified();

    [GeneratedRegex(@"(?<![\w.])([A-Z][A-Za-z]*)\.([A-Z][A-Za-z]*)\b", RegexOptions.None, matchTimeoutMilliseconds: 5000)]
    private static partial Regex Relative();
}
