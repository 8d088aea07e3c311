using Extract.Recognition.Dates;
using Extract.Recognition.Numbers;
using Extract.Training.Specs;

namespace Extract.Training;

/// <summary>
/// <c>eval-specs --specs DIR [--seeds DIR] [--verbose]</c>: runs the Recognizers-Text Chinese Number and DateTime spec
/// cases in scope against our extractors and resolvers, prints pass rates per file (and why cases are out of scope),
/// lists failing inputs with --verbose, optionally scores dates and achievement values on the seeds, and with
/// --export DIR writes every in-scope case as the test project's spec data (numbers.json, dates.json), the failing ones flagged notSupported.
/// </summary>
internal static class EvalSpecsCommand
{
    private static readonly string[] NumberFiles = ["Number/Chinese/NumberModel.json", "Number/Chinese/OrdinalModel.json", "Number/Chinese/PercentModel.json"];
    private static readonly string[] UnitFiles = ["NumberWithUnit/Chinese/CurrencyModel.json", "NumberWithUnit/Chinese/DimensionModel.json"];
    private static readonly string[] DateFiles = ["DateTime/Chinese/DateExtractor.json", "DateTime/Chinese/DateParser.json", "DateTime/Chinese/DateTimeModel.json"];

    public static int Run(string[] args)
    {
        string? specs = null;
        string? seeds = null;
        string? export = null;
        var verbose = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--specs" when i + 1 < args.Length:
                    specs = args[++i];
                    break;
                case "--seeds" when i + 1 < args.Length:
                    seeds = args[++i];
                    break;
                case "--export" when i + 1 < args.Length:
                    export = args[++i];
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                default:
                    Console.Error.WriteLine($"eval-specs: unknown argument '{args[i]}'");
                    return 2;
            }
        }

        if (specs is null)
        {
            Console.Error.WriteLine("usage: eval-specs --specs DIR (…/recognizers-zh/Specs) [--seeds DIR] [--export DIR] [--verbose]");
            return 2;
        }

        var numbers = new NumberExtractor();
        var dates = new DateExtractor();
        var resolver = new DateResolver();
        Console.WriteLine("file                          cases  in scope  passed   rate");
        foreach (var file in NumberFiles)
        {
            Report(Path.Combine(specs, file), NumberSpecs.Load, c => NumberSpecs.Score(c, numbers), verbose);
        }

        var quantities = new QuantityExtractor(numbers, UnitLexicon.Default);
        foreach (var file in UnitFiles)
        {
            Report(Path.Combine(specs, file), UnitSpecs.Load, c => UnitSpecs.Score(c, quantities), verbose);
        }

        foreach (var file in DateFiles)
        {
            Report(Path.Combine(specs, file), DateSpecs.Load, c => DateSpecs.Score(c, dates, resolver), verbose);
        }

        Console.WriteLine();
        Console.WriteLine("Not run: NumberRangeModel*.json (ranges, not numbers), NumberWithUnit Age/Temperature (ages and");
        Console.WriteLine("temperatures are not quantities we report; Currency/Dimension cases in units we do not carry are out of scope),");
        Console.WriteLine("DatePeriod*/DateTimePeriod*/TimePeriod*/Duration*/Set* (periods, durations and sets are not dates),");
        Console.WriteLine("Holiday*/Time*/DateTimeExtractor/DateTimeParser/Merged* (component tests covered through DateTimeModel),");
        Console.WriteLine("DateTimeModelExperimentalMode.json (upstream experimental mode).");
        if (export is not null)
        {
            SpecExport.Write(export, [.. NumberFiles.Select(f => Path.Combine(specs, f))], [.. DateFiles.Select(f => Path.Combine(specs, f))]);
        }

        if (seeds is not null)
        {
            SeedScores.Run(seeds, verbose);
        }

        return 0;
    }

    private static void Report(string path, Func<string, IEnumerable<SpecCase>> load, Func<SpecCase, (bool Pass, string Got)> score, bool verbose)
    {
        var cases = load(path).ToList();
        var inScope = cases.Where(c => c.OutOfScope is null).ToList();
        var failures = new List<(SpecCase Case, string Got)>();
        foreach (var spec in inScope)
        {
            var (pass, got) = score(spec);
            if (!pass)
            {
                failures.Add((spec, got));
            }
        }

        var passed = inScope.Count - failures.Count;
        var rate = inScope.Count == 0 ? 0 : (double)passed / inScope.Count;
        Console.WriteLine($"{Path.GetFileName(path),-28} {cases.Count,6} {inScope.Count,9} {passed,7} {rate,7:P1}");
        foreach (var reason in cases.Where(c => c.OutOfScope is not null).GroupBy(c => c.OutOfScope).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"    out of scope {reason.Count(),4}: {reason.Key}");
        }

        if (verbose)
        {
            foreach (var (spec, got) in failures)
            {
                var expected = string.Join(" | ", spec.Expected.Select(e => $"{e.Text}[{e.Start},{e.End})={e.Value}"));
                Console.WriteLine($"    FAIL {spec.Id} ref={spec.Reference} «{spec.Input}»\n         want {expected}\n         got  {got}");
            }
        }
    }
}
