using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Extract.Recognition;
using Extract.Recognition.Tagging;
using Extract.Segmentation;
using Extract.Tokens;

namespace Extract.Training.Ner;

/// <summary>
/// <c>train-ner [--msra train1.txt.gz] [--pd 199801.txt.gz] [--articles DIR [--article-repeat 3]] [--out models/ner/ner.bin.gz]
/// [--epochs 15] [--patience 3] [--seed 42] [--dev 0.1] [--min-count 1] [--prune 1] [--test testright1.txt]</c>: trains the averaged-perceptron
/// name tagger, early-stopping on a seeded dev split, prints dev F1 and time per epoch, writes the GZip model and, with
/// <c>--test</c>, scores the written model on the MSRA test set through the product's own tagging path.
/// </summary>
internal static class TrainNerCommand
{
    private const int K = NameFeatures.Count;

    public static int Run(string[] args)
    {
        var msra = CommandArgs.Option(args, "--msra");
        var pd = CommandArgs.Option(args, "--pd");
        var output = CommandArgs.Option(args, "--out") ?? "models/ner/ner.bin.gz";
        var epochs = Int(args, "--epochs", 15);
        var patience = Int(args, "--patience", 3);
        var seed = Int(args, "--seed", 42);
        var minCount = Int(args, "--min-count", 1);
        var devShare = double.Parse(CommandArgs.Option(args, "--dev") ?? "0.1", CultureInfo.InvariantCulture);
        var prune = float.Parse(CommandArgs.Option(args, "--prune") ?? "1", CultureInfo.InvariantCulture);
        var test = CommandArgs.Option(args, "--test");
        if (msra is null && pd is null)
        {
            Console.Error.WriteLine("usage: train-ner [--msra train1.txt(.gz)] [--pd 199801.txt(.gz)] [--articles DIR [--article-repeat N]] [--out models/ner/ner.bin.gz] [--epochs N] [--patience N] [--seed N] [--dev 0.1] [--min-count N] [--prune W] [--test testright1.txt]");
            return 2;
        }

        var total = Stopwatch.StartNew();
        var sentences = new List<NerSentence>();
        if (msra is not null)
        {
            sentences.AddRange(NerCorpus.ReadMsra(msra));
        }

        if (pd is not null)
        {
            sentences.AddRange(NerCorpus.ReadPeoplesDaily(pd));
        }

        var (train, dev, random) = Split(sentences, seed, devShare);
        Console.WriteLine($"{sentences.Count} sentences ({sentences.Sum(s => s.Text.Length)} characters): train {train.Length}, dev {dev.Length}; seed {seed}");
        if (CommandArgs.Option(args, "--articles") is { } articleDirectory)
        {
            // In-domain articles join the training side only (the dev split stays the corpus's, for early stopping),
            // repeated so that a few hundred sentences weigh against tens of thousands.
            var repeat = Int(args, "--article-repeat", 3);
            var articles = ArticleSentences.Read(articleDirectory);
            train = [.. train, .. Enumerable.Repeat(articles, repeat).SelectMany(a => a)];
            Console.WriteLine($"articles {articleDirectory}: {articles.Count} sentences, {articles.Sum(a => a.Names.Count)} names, repeated {repeat}x into train");
        }

        var resources = TaggerResources.Default;
        var trained = Train(train, dev, resources, epochs, patience, minCount, random, Console.Out);
        Console.WriteLine($"best epoch {trained.BestEpoch}: dev F1 {trained.DevF1:F4}; training took {PerceptronTrainer.Elapsed(total)}");
        Write(output, trained.Keys, trained.Weights, trained.Transitions, prune);
        var written = new NameTagger(NameTagger.Load(File.OpenRead(output), output), resources);
        NerScoring.PrintMargins("dev split through the product's path, names kept at margin >= t", dev, written);
        if (test is not null)
        {
            using var errors = CommandArgs.Option(args, "--errors") is { } errorPath ? new StreamWriter(errorPath) : null;
            NerScoring.Print($"MSRA test ({Path.GetFileName(test)}), model only", NerScoring.Score(NerCorpus.ReadMsra(test), written, errors));
        }

        return 0;
    }

    /// <summary>
    /// The seeded dev split every trainer here uses: shuffle with <paramref name="seed"/>, the first share is dev. The
    /// generator is returned in its state after the shuffle, so train-ner's epochs go on from it.
    /// </summary>
    internal static (NerSentence[] Train, NerSentence[] Dev, Random Random) Split(IReadOnlyList<NerSentence> sentences, int seed, double devShare)
    {
        var random = new Random(seed);
        var shuffled = sentences.ToArray();
        random.Shuffle(shuffled);
        var devCount = (int)(shuffled.Length * devShare);
        return (shuffled[devCount..], shuffled[..devCount], random);
    }

    /// <summary>A tagger over weights as training left them (dense rows), without writing a file.</summary>
    internal static NameTagger ToTagger(TrainedTagger trained, float prune, TaggerResources resources) =>
        new(PerceptronModel.Read(ToBytes(trained, prune), "in-memory model"), resources);

    /// <summary>The uncompressed model bytes of <paramref name="trained"/> (what <see cref="PerceptronModel.Read"/> reads).</summary>
    internal static byte[] ToBytes(TrainedTagger trained, float prune)
    {
        using var stream = new MemoryStream();
        PerceptronModel.Write(stream, Rows(trained.Keys, trained.Weights, prune), trained.Transitions);
        return stream.ToArray();
    }

    /// <summary>The averaged weights of the best dev epoch, with the feature hashes they belong to.</summary>
    internal sealed record TrainedTagger(ulong[] Keys, float[] Weights, float[] Transitions, int BestEpoch, double DevF1);

    /// <summary>
    /// Trains on <paramref name="train"/>, scoring each epoch on <paramref name="dev"/> and stopping after
    /// <paramref name="patience"/> epochs without a better dev F1; deterministic for the state of <paramref name="random"/>.
    /// </summary>
    internal static TrainedTagger Train(
        IReadOnlyList<NerSentence> train,
        IReadOnlyList<NerSentence> dev,
        TaggerResources resources,
        int epochs,
        int patience,
        int minCount,
        Random random,
        TextWriter log,
        CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var trainHashes = Featurize(train, resources);
        var devHashes = Featurize(dev, resources);
        log.WriteLine($"features extracted in {PerceptronTrainer.Elapsed(watch)}");

        watch.Restart();
        var ids = AssignIds(trainHashes, minCount);
        var keys = new ulong[ids.Count];
        foreach (var (key, id) in ids)
        {
            keys[id] = key;
        }

        var trainSet = Encode(train, trainHashes, ids);
        var devSet = Encode(dev, devHashes, ids);
        trainHashes = null;
        devHashes = null;
        log.WriteLine($"{ids.Count} features (min count {minCount}) in {PerceptronTrainer.Elapsed(watch)}");

        var trainer = new PerceptronTrainer(ids.Count);
        (float[] Weights, float[] Transitions)? best = null;
        var bestF1 = -1.0;
        var bestEpoch = 0;
        for (var epoch = 1; epoch <= epochs && epoch - bestEpoch <= patience; epoch++)
        {
            watch.Restart();
            var exact = trainer.Epoch(trainSet, random, cancellationToken);
            var averaged = trainer.Averaged();
            var (p, r, f1) = PerceptronTrainer.Score(devSet, averaged.Weights, averaged.Transitions);
            log.WriteLine($"epoch {epoch,2}: train exact {exact:P1}, dev P {p:F4} R {r:F4} F1 {f1:F4}, {PerceptronTrainer.Elapsed(watch)}");
            if (f1 > bestF1)
            {
                bestF1 = f1;
                bestEpoch = epoch;
                best = averaged;
            }
        }

        return new TrainedTagger(keys, best!.Value.Weights, best.Value.Transitions, bestEpoch, bestF1);
    }

    private static int Int(string[] args, string name, int fallback) =>
        CommandArgs.Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>Feature hashes of every sentence, computed in parallel (order kept).</summary>
    private static ulong[][] Featurize(IReadOnlyList<NerSentence> sentences, TaggerResources resources)
    {
        var result = new ulong[sentences.Count][];
        Parallel.For(0, sentences.Count, s =>
        {
            var text = sentences[s].Text;
            var input = TaggerInput.Create(text, 0, text.Length, Tokens(text), resources);
            var hashes = new ulong[text.Length * K];
            for (var i = 0; i < text.Length; i++)
            {
                NameFeatures.Extract(input, i, hashes.AsSpan(i * K, K));
            }

            result[s] = hashes;
        });
        return result;
    }

    /// <summary>The product's own tokens for a sentence: the Jieba-compatible POS cut.</summary>
    public static List<WordToken> Tokens(string text) => [.. new TokenStage(PosSegmenter.Default).Tokenize(text, CancellationToken.None)];

    private static Dictionary<ulong, int> AssignIds(ulong[][] hashes, int minCount)
    {
        var counts = new Dictionary<ulong, int>();
        foreach (var sentence in hashes)
        {
            foreach (var hash in sentence)
            {
                counts[hash] = counts.GetValueOrDefault(hash) + 1;
            }
        }

        var ids = new Dictionary<ulong, int>();
        foreach (var (hash, count) in counts.OrderBy(c => c.Key))
        {
            if (count >= minCount)
            {
                ids[hash] = ids.Count;
            }
        }

        return ids;
    }

    private static List<EncodedSentence> Encode(IReadOnlyList<NerSentence> sentences, ulong[][] hashes, Dictionary<ulong, int> ids)
    {
        var encoded = new List<EncodedSentence>(sentences.Count);
        for (var s = 0; s < sentences.Count; s++)
        {
            var features = new int[hashes[s].Length];
            for (var k = 0; k < features.Length; k++)
            {
                features[k] = ids.TryGetValue(hashes[s][k], out var id) ? id : -1;
            }

            var gold = new int[sentences[s].Text.Length];
            EntityLabels.Encode(sentences[s].Names, gold);
            encoded.Add(new EncodedSentence(features, gold));
        }

        return encoded;
    }

    private static IEnumerable<KeyValuePair<ulong, float[]>> Rows(ulong[] keys, float[] weights, float prune)
    {
        for (var f = 0; f < keys.Length; f++)
        {
            var row = weights.AsSpan(f * EntityLabels.Count, EntityLabels.Count).ToArray();
            for (var y = 0; y < row.Length; y++)
            {
                if (Math.Abs(row[y]) < prune)
                {
                    row[y] = 0;
                }
            }

            yield return new(keys[f], row);
        }
    }

    private static void Write(string path, ulong[] keys, float[] weights, float[] transitions, float prune)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            PerceptronModel.Write(gzip, Rows(keys, weights, prune), transitions);
        }

        Console.WriteLine($"wrote {path}: {new FileInfo(path).Length / 1024.0 / 1024.0:F2} MB");
    }
}
