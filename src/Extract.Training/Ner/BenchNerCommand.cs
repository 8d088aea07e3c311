using System.Diagnostics;
using System.Globalization;
using System.Text;
using Extract.Recognition.Tagging;

namespace Extract.Training.Ner;

/// <summary>
/// <c>bench-ner [--model ner.bin.gz] [--msra testright1.txt] [--repeat 3]</c>: the name tagger's load time and managed
/// memory (the embedded model unless <c>--model</c> is given), then single-threaded tagging speed over the sentences
/// of an MSRA file, with the POS cut (which the pipeline has already done) timed apart from features + Viterbi.
/// Figures only; nothing is asserted.
/// </summary>
internal static class BenchNerCommand
{
    public static int Run(string[] args)
    {
        var model = CommandArgs.Option(args, "--model");
        var msra = CommandArgs.Option(args, "--msra") ?? "../shared/data/msra-ner/original/testright1.txt";
        var repeat = int.Parse(CommandArgs.Option(args, "--repeat") ?? "3", CultureInfo.InvariantCulture);
        var inv = CultureInfo.InvariantCulture;

        // The shared resources the features read load first, so the model's own load is timed alone.
        var resources = TaggerResources.Default;
        _ = resources.Gazetteer.Names;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var weights = model is null
            ? NameTagger.LoadEmbedded()
            : NameTagger.Load(File.OpenRead(model), model);
        var loadMs = clock.Elapsed.TotalMilliseconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(inv, $"model                {model ?? NameTagger.ResourceName}: {weights.FeatureCount} features"));
        Console.WriteLine(string.Create(inv, $"load                 {loadMs:0} ms (first load in the process, JIT included)"));
        Console.WriteLine(string.Create(inv, $"managed memory       {(after - before) / (1024.0 * 1024):0.0} MiB held by the model"));

        var tagger = new NameTagger(weights, resources);
        var sentences = NerCorpus.ReadMsra(msra).Select(s => s.Text).ToList();
        var megabytes = sentences.Sum(s => (double)Encoding.UTF8.GetByteCount(s)) / (1024 * 1024);
        var tokens = sentences.Select(TrainNerCommand.Tokens).ToList();
        var names = 0;
        for (var i = 0; i < sentences.Count; i++)
        {
            names += tagger.Tag(sentences[i], 0, sentences[i].Length, tokens[i]).Count;
        }

        clock.Restart();
        for (var pass = 0; pass < repeat; pass++)
        {
            foreach (var sentence in sentences)
            {
                _ = TrainNerCommand.Tokens(sentence);
            }
        }

        var cut = clock.Elapsed.TotalSeconds / repeat;
        clock.Restart();
        for (var pass = 0; pass < repeat; pass++)
        {
            for (var i = 0; i < sentences.Count; i++)
            {
                _ = tagger.Tag(sentences[i], 0, sentences[i].Length, tokens[i]);
            }
        }

        var tag = clock.Elapsed.TotalSeconds / repeat;

        // Where the time goes: the per-character input (words, gazetteer, surnames, lexicon edges), the feature lookups, the decoding.
        var inputs = new TaggerInput[sentences.Count];
        clock.Restart();
        for (var i = 0; i < sentences.Count; i++)
        {
            inputs[i] = TaggerInput.Create(sentences[i], 0, sentences[i].Length, tokens[i], resources);
        }

        var inputSeconds = clock.Elapsed.TotalSeconds;
        var emissions = new float[sentences.Count][];
        clock.Restart();
        for (var i = 0; i < sentences.Count; i++)
        {
            emissions[i] = NameTagger.Emissions(inputs[i], weights);
        }

        var emissionSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var sink = 0UL;
        var hashes = new ulong[NameFeatures.Count];
        foreach (var input in inputs)
        {
            for (var c = 0; c < input.Length; c++)
            {
                NameFeatures.Extract(input, c, hashes);
                sink ^= hashes[0];
            }
        }

        var hashSeconds = clock.Elapsed.TotalSeconds;
        long lookups = 0, hits = 0;
        var scratch = new ulong[NameFeatures.Count];
        foreach (var input in inputs)
        {
            for (var c = 0; c < input.Length; c++)
            {
                NameFeatures.Extract(input, c, scratch);
                lookups += scratch.Length;
                hits += scratch.Count(weights.Contains);
            }
        }

        clock.Restart();
        for (var i = 0; i < sentences.Count; i++)
        {
            var n = sentences[i].Length;
            Viterbi.DecodeWithMargins(emissions[i], weights.Transitions, new int[n], new float[n]);
        }

        var decodeSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(inv, $"input                {sentences.Count} sentences, {megabytes:0.00} MB UTF-8, {names} names, {repeat} pass(es)"));
        Console.WriteLine(string.Create(inv, $"tagging              {megabytes / tag:0.00} MB/s single-threaded (features + Viterbi over given tokens)"));
        Console.WriteLine(string.Create(inv, $"with POS cut         {megabytes / (tag + cut):0.00} MB/s single-threaded (the POS cut alone {megabytes / cut:0.00} MB/s)"));
        Console.WriteLine(string.Create(inv, $"one pass, by part     input {inputSeconds * 1000:0} ms, features {emissionSeconds * 1000:0} ms (hashing alone {hashSeconds * 1000:0} ms{(sink == 1 ? "" : "")}), Viterbi with margins {decodeSeconds * 1000:0} ms; {hits * 100.0 / lookups:0.0} % of {lookups} feature lookups hit"));
        return 0;
    }
}
