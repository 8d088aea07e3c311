namespace Extract.Segmentation.Cli;

/// <summary>Scores of a segmentation against SIGHAN 2005 gold (the figures of the bakeoff's <c>score</c> script).</summary>
/// <param name="Lines">Lines scored.</param>
/// <param name="GoldWords">Words in the gold standard.</param>
/// <param name="PredictedWords">Words produced by the segmenter.</param>
/// <param name="CorrectWords">Produced words whose span is also a gold word's span.</param>
/// <param name="Precision">Correct / produced.</param>
/// <param name="Recall">Correct / gold.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="OovGoldWords">Gold words absent from the training word list.</param>
/// <param name="OovRecall">Share of those recovered exactly.</param>
/// <param name="IvRecall">Recall on gold words present in the training word list.</param>
/// <param name="MismatchedLines">Lines skipped because the segmenter's characters differ from the gold's (should be 0).</param>
internal sealed record SegmentationScore(
    int Lines,
    int GoldWords,
    int PredictedWords,
    int CorrectWords,
    double Precision,
    double Recall,
    double F1,
    int OovGoldWords,
    double OovRecall,
    double IvRecall,
    int MismatchedLines);

/// <summary>
/// Scores a segmentation against SIGHAN 2005 gold standard files (PKU, MSR): words are compared as character
/// spans of the line with whitespace removed, as the bakeoff's scorer does. Used by <c>extract eval-seg</c>.
/// </summary>
internal static class SighanScorer
{
    /// <summary>Scores <paramref name="segmenter"/> (accurate mode) on one SIGHAN 2005 test set.</summary>
    /// <param name="testPath">Raw test text (e.g. <c>testing/pku_test.utf8</c>).</param>
    /// <param name="goldPath">Gold segmentation (e.g. <c>gold/pku_test_gold.utf8</c>).</param>
    /// <param name="trainingWordsPath">Training word list (e.g. <c>gold/pku_training_words.utf8</c>), for OOV recall.</param>
    /// <param name="segmenter">The segmenter; <see cref="JiebaSegmenter.Default"/> when null.</param>
    /// <param name="hmm">Whether unknown runs go through the HMM.</param>
    /// <param name="ct">Stops between lines.</param>
    /// <returns>The scores.</returns>
    public static SegmentationScore ScoreFiles(string testPath, string goldPath, string trainingWordsPath, JiebaSegmenter? segmenter = null, bool hmm = true, CancellationToken ct = default)
    {
        var seg = segmenter ?? JiebaSegmenter.Default;
        return Score(File.ReadLines(testPath), File.ReadLines(goldPath), File.ReadLines(trainingWordsPath), line => seg.Cut(line, hmm: hmm), ct);
    }

    /// <summary>Scores the PKU and MSR test sets of a SIGHAN 2005 folder (testing/, gold/) and writes one row each.</summary>
    /// <param name="directory">The SIGHAN 2005 folder.</param>
    /// <param name="output">Where the table goes.</param>
    /// <param name="segmenter">The segmenter; <see cref="JiebaSegmenter.Default"/> when null.</param>
    /// <param name="hmm">Whether unknown runs go through the HMM.</param>
    public static void WriteReport(string directory, TextWriter output, JiebaSegmenter? segmenter = null, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("corpus  lines  P       R       F1      OOV-R   IV-R    mismatched");
        foreach (var corpus in new[] { "pku", "msr" })
        {
            var s = ScoreFiles(
                Path.Combine(directory, "testing", corpus + "_test.utf8"),
                Path.Combine(directory, "gold", corpus + "_test_gold.utf8"),
                Path.Combine(directory, "gold", corpus + "_training_words.utf8"),
                segmenter,
                hmm);
            output.WriteLine(FormattableString.Invariant($"{corpus,-6}  {s.Lines,5}  {s.Precision:F4}  {s.Recall:F4}  {s.F1:F4}  {s.OovRecall:F4}  {s.IvRecall:F4}  {s.MismatchedLines}"));
        }
    }

    /// <summary>Scores the output of <paramref name="segment"/> on <paramref name="testLines"/> against <paramref name="goldLines"/>.</summary>
    /// <param name="testLines">Raw test lines.</param>
    /// <param name="goldLines">Gold lines, words separated by whitespace, in the same order.</param>
    /// <param name="trainingWords">The training word list (one word per item), for OOV recall.</param>
    /// <param name="segment">The segmentation under test.</param>
    /// <param name="ct">Stops between lines.</param>
    /// <returns>The scores.</returns>
    public static SegmentationScore Score(IEnumerable<string> testLines, IEnumerable<string> goldLines, IEnumerable<string> trainingWords, Func<string, IEnumerable<string>> segment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(testLines);
        ArgumentNullException.ThrowIfNull(goldLines);
        ArgumentNullException.ThrowIfNull(trainingWords);
        ArgumentNullException.ThrowIfNull(segment);
        var known = new HashSet<string>(trainingWords.Select(w => w.Trim()).Where(w => w.Length > 0), StringComparer.Ordinal);
        var goldList = goldLines.Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToList();
        var ourList = new List<List<string>>();
        foreach (var test in testLines)
        {
            ct.ThrowIfCancellationRequested();
            if (ourList.Count == goldList.Count)
            {
                break;
            }

            ourList.Add(segment(test).Select(w => w.Trim()).Where(w => w.Length > 0).ToList());
        }

        goldList.RemoveRange(ourList.Count, goldList.Count - ourList.Count);

        // The MSR gold moves a few quotation marks across line breaks, so words are compared as spans of the whole
        // file's character stream when both streams hold the same characters; otherwise line by line, skipping
        // lines whose characters differ.
        var wholeFile = string.Concat(goldList.SelectMany(g => g)).Equals(string.Concat(ourList.SelectMany(o => o)), StringComparison.Ordinal);
        int lines = 0, gold = 0, predicted = 0, correct = 0, oov = 0, oovCorrect = 0, ivCorrect = 0, mismatched = 0;
        var ourSpans = new HashSet<(long, long)>();
        long ourPos = 0, goldPos = 0;
        for (var li = 0; li < goldList.Count; li++)
        {
            var goldWords = goldList[li];
            var ours = ourList[li];
            if (!wholeFile)
            {
                if (!string.Concat(goldWords).Equals(string.Concat(ours), StringComparison.Ordinal))
                {
                    mismatched++;
                    continue;
                }

                ourSpans.Clear();
                ourPos = goldPos = 0;
            }

            lines++;
            foreach (var w in ours)
            {
                ourSpans.Add((ourPos, ourPos + w.Length));
                ourPos += w.Length;
            }

            predicted += ours.Count;
            if (wholeFile)
            {
                continue;
            }

            CountGold(goldWords, ourSpans, known, ref goldPos, ref gold, ref correct, ref oov, ref oovCorrect, ref ivCorrect);
        }

        if (wholeFile)
        {
            foreach (var goldWords in goldList)
            {
                CountGold(goldWords, ourSpans, known, ref goldPos, ref gold, ref correct, ref oov, ref oovCorrect, ref ivCorrect);
            }
        }

        var p = predicted == 0 ? 0 : (double)correct / predicted;
        var r = gold == 0 ? 0 : (double)correct / gold;
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new SegmentationScore(
            lines, gold, predicted, correct, p, r, f, oov,
            oov == 0 ? 0 : (double)oovCorrect / oov,
            gold - oov == 0 ? 0 : (double)ivCorrect / (gold - oov),
            mismatched);
    }

    private static void CountGold(string[] goldWords, HashSet<(long, long)> ourSpans, HashSet<string> known, ref long pos, ref int gold, ref int correct, ref int oov, ref int oovCorrect, ref int ivCorrect)
    {
        foreach (var w in goldWords)
        {
            var hit = ourSpans.Contains((pos, pos + w.Length));
            pos += w.Length;
            var isOov = !known.Contains(w);
            if (isOov)
            {
                oov++;
            }

            if (hit)
            {
                correct++;
                if (isOov)
                {
                    oovCorrect++;
                }
                else
                {
                    ivCorrect++;
                }
            }
        }

        gold += goldWords.Length;
    }
}
