using System.Security.Cryptography;
using Extract.Recognition.Places;

namespace Extract.Training;

/// <summary>
/// <c>compile-gazetteer --divisions DIR --changes DIR --out FILE</c>: compiles the NBS 2023 division tree
/// (province → city → county → township, placeholders dropped), JioNLP short aliases and the 1981–2024 renames
/// into the binary gazetteer described by <see cref="GazetteerFormat"/>.
/// </summary>
internal static class CompileGazetteerCommand
{
    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal) { "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划" };

    public static int Run(string[] args)
    {
        var divisions = CommandArgs.Option(args, "--divisions") ?? "../shared/data/china-divisions";
        var changes = CommandArgs.Option(args, "--changes") ?? "../shared/data/china-division-changes";
        var output = CommandArgs.Option(args, "--out") ?? "models/divisions/divisions.bin";
        var world = CommandArgs.Option(args, "--world") ?? "models/divisions/world.tsv";

        var builder = new Builder();
        builder.LoadDivisions(divisions);
        builder.LoadAliases(Path.Combine(changes, "jionlp_china_location_alias.tsv"));
        builder.LoadFormerNames(Path.Combine(changes, "areacodes_changes.tsv"), Path.Combine(changes, "jionlp_china_location_change.txt"));
        builder.LoadWorld(world);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (var file = File.Create(output))
        {
            builder.Write(file);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(output)));
        File.WriteAllText(output + ".sha256", $"{hash}  {Path.GetFileName(output)}\n");
        Console.WriteLine($"entries {builder.EntryCount}, names {builder.NameCount} (short {builder.ShortCount}, former {builder.FormerCount}), {new FileInfo(output).Length:N0} bytes, sha256 {hash}");
        return 0;
    }

    private static IEnumerable<string[]> Csv(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',').Select(f => f.Trim('"')).ToArray());

    private sealed record Entry(string Code, string Name, PlaceLevel Level, int Parent);

    private sealed class Builder
    {
        private readonly List<Entry> _entries = [];
        private readonly Dictionary<string, int> _byCode = new(StringComparer.Ordinal);
        private readonly List<(string Surface, int Entry, NameForm Form)> _names = [];
        private readonly HashSet<(string, int)> _seen = [];
        private readonly HashSet<string> _fullNames = new(StringComparer.Ordinal);

        public int EntryCount => _entries.Count;

        public int NameCount => _names.Count;

        public int ShortCount => _names.Count(n => n.Form == NameForm.Short);

        public int FormerCount => _names.Count(n => n.Form == NameForm.Former);

        public void LoadDivisions(string folder)
        {
            foreach (var f in Csv(Path.Combine(folder, "provinces.csv")))
            {
                Add(f[0].PadRight(6, '0'), f[1], PlaceLevel.Province, -1);
            }

            foreach (var f in Csv(Path.Combine(folder, "cities.csv")))
            {
                if (!Placeholders.Contains(f[1]))
                {
                    Add(f[0].PadRight(6, '0'), f[1], PlaceLevel.City, _byCode[f[2].PadRight(6, '0')]);
                }
            }

            foreach (var f in Csv(Path.Combine(folder, "areas.csv")))
            {
                var parent = _byCode.TryGetValue(f[2].PadRight(6, '0'), out var city) ? city : _byCode[f[3].PadRight(6, '0')];
                Add(f[0], f[1], PlaceLevel.County, parent);
            }

            foreach (var f in Csv(Path.Combine(folder, "streets.csv")))
            {
                Add(f[0], f[1], PlaceLevel.Township, _byCode[f[2]]);
            }
        }

        public void LoadAliases(string path)
        {
            var rows = File.ReadLines(path).Skip(1).Select(l => l.Split('\t')).Where(f => f.Length >= 4 && f[1].Length == 6).ToList();
            var aliasCounts = rows.SelectMany(f => f[3].Split('/')).GroupBy(a => a, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var f in rows)
            {
                if (!_byCode.TryGetValue(f[1], out var entry) || _entries[entry].Name != f[2])
                {
                    continue;
                }

                foreach (var alias in f[3].Split('/'))
                {
                    if (alias.Length < 2 || alias == f[2] || _fullNames.Contains(alias))
                    {
                        continue;
                    }

                    // County-level short forms are only kept when unambiguous and not generic (经开区, 高新区, 东区).
                    if (f[0] == "county" && (aliasCounts[alias] > 1 || alias.EndsWith('区')))
                    {
                        continue;
                    }

                    AddName(alias, entry, NameForm.Short);
                }
            }
        }

        public void LoadFormerNames(string changesPath, string jionlpChangesPath)
        {
            var rows = File.ReadLines(changesPath).Skip(1).Select(l => l.Split('\t')).Where(f => f.Length >= 16).ToList();
            var byOld = rows.ToLookup(f => (f[4], f[5]));
            foreach (var f in rows)
            {
                if (f[2] is not ("renamed" or "merged_into") || f[15] != "Y" || f[3] is not ("地级" or "县级" or "省级"))
                {
                    continue;
                }

                var oldName = f[5];
                if (oldName.Length < 2 || _fullNames.Contains(oldName))
                {
                    continue;
                }

                if (Resolve(f[10], f[11], byOld) is { } entry)
                {
                    AddName(oldName, entry, NameForm.Former);
                }
            }

            // JioNLP's hand-made list carries the short forms of old names (襄樊 for 襄樊市).
            foreach (var line in File.ReadLines(jionlpChangesPath))
            {
                var sides = line.Split("=>");
                if (sides.Length != 2)
                {
                    continue;
                }

                var old = sides[0].Split('\t');
                var now = sides[1].Split('\t');
                var (oldName, oldAlias, newName) = old.Length >= 8 ? (old[6], old[7], now[^1]) : (old[4], old[5], now[^1]);
                var target = _entries.FindIndex(e => e.Name == newName && e.Level is PlaceLevel.City or PlaceLevel.County && Ancestors(e).Contains(now[0]));
                if (target < 0)
                {
                    continue;
                }

                foreach (var name in new[] { oldName, oldAlias })
                {
                    if (name.Length >= 2 && !_fullNames.Contains(name) && !_names.Any(n => n.Surface == name && n.Form != NameForm.Former))
                    {
                        AddName(name, target, NameForm.Former);
                    }
                }
            }
        }

        // Countries, continents, Hong Kong / Macao / Taiwan: no NBS code, full name plus short forms.
        public void LoadWorld(string path)
        {
            foreach (var line in File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#'))
            {
                var f = line.Split('\t');
                var level = Enum.Parse<PlaceLevel>(f[1], ignoreCase: true);
                var index = _entries.Count;
                _entries.Add(new Entry("", f[0], level, -1));
                _fullNames.Add(f[0]);
                AddName(f[0], index, NameForm.Full);
                foreach (var alias in (f.Length > 2 ? f[2] : "").Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    AddName(alias, index, NameForm.Full);
                }
            }
        }

        // The gazetteer as the library loads it: the name trie sorted and laid out here, once, not at every start.
        public void Write(Stream stream)
        {
            var names = new NameTrie.Builder();
            foreach (var (surface, entry, form) in _names)
            {
                names.Add(surface, new DivisionName(entry, form));
            }

            Gazetteer.Create(_entries.Select((e, i) => new Division(i, e.Code, e.Name, e.Level, e.Parent)), names.Build()).Write(stream);
        }

        private IEnumerable<string> Ancestors(Entry e)
        {
            for (var p = e.Parent; p >= 0; p = _entries[p].Parent)
            {
                yield return _entries[p].Name;
            }
        }

        private int? Resolve(string code, string name, ILookup<(string, string), string[]> byOld)
        {
            for (var hop = 0; hop < 8; hop++)
            {
                if (_byCode.TryGetValue(code, out var entry) && _entries[entry].Name == name)
                {
                    return entry;
                }

                var next = byOld[(code, name)].FirstOrDefault(f => f[2] is "renamed" or "merged_into" or "same_name_recode");
                if (next is null)
                {
                    break;
                }

                (code, name) = (next[10], next[11]);
            }

            var same = _entries.Select((e, i) => (e, i)).Where(x => x.e.Name == name && x.e.Level != PlaceLevel.Township).ToList();
            return same.Count == 1 ? same[0].i : null;
        }

        private void Add(string code, string name, PlaceLevel level, int parent)
        {
            var index = _entries.Count;
            _entries.Add(new Entry(code, name, level, parent));
            _byCode.TryAdd(code, index);
            _fullNames.Add(name);
            AddName(name, index, NameForm.Full);
        }

        private void AddName(string surface, int entry, NameForm form)
        {
            if (_seen.Add((surface, entry)))
            {
                _names.Add((surface, entry, form));
            }
        }
    }
}
