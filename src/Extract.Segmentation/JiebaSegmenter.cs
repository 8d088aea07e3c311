using System.Text.RegularExpressions;
using Extract.Segmentation.Dictionary;

namespace Extract.Segmentation;

/// <summary>
/// Chinese word segmenter with Python jieba 0.42.1's algorithm and data: prefix dictionary → DAG →
/// maximum log-probability route, unknown runs through the <c>finalseg</c> HMM.
/// </summary>
/// <remarks>
/// <para>The compiled dictionary is embedded, loaded once on first use and shared by every instance.</para>
/// <para>
/// User words (<see cref="AddWord"/>, <see cref="DeleteWord"/>, <see cref="LoadUserDictionary(TextReader)"/>)
/// live in a per-instance overlay that is replaced copy-on-write, so cutting is thread-safe and never sees a
/// half-applied change. <see cref="Default"/> is read-only: its user-word methods throw
/// <see cref="InvalidOperationException"/>; create an instance with <c>new JiebaSegmenter()</c> to add words.
/// </para>
/// </remarks>
public sealed partial class JiebaSegmenter
{
    private static readonly Lazy<JiebaSegmenter> DefaultInstance =
        new(() => new JiebaSegmenter(JiebaModel.Embedded, readOnly: true), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JiebaModel _model;
    private readonly bool _readOnly;
    private readonly object _writeLock = new();
    private volatile DictionaryView _view;

    /// <summary>Creates a segmenter over the embedded dictionary with its own, empty, user-word overlay.</summary>
    public JiebaSegmenter()
        : this(JiebaModel.Embedded, readOnly: false)
    {
    }

    internal JiebaSegmenter(JiebaModel model, bool readOnly)
    {
        _model = model;
        _readOnly = readOnly;
        _view = new DictionaryView(model, UserOverlay.Empty);
    }

    /// <summary>The shared read-only segmenter over the embedded dictionary.</summary>
    public static JiebaSegmenter Default => DefaultInstance.Value;

    /// <summary>Whether user-word changes are refused (true for <see cref="Default"/>).</summary>
    public bool IsReadOnly => _readOnly;

    internal DictionaryView View => _view;

    /// <summary>Cuts <paramref name="text"/> into words, like Python jieba's <c>cut</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="cutAll">Full mode: every dictionary word found (overlapping), as Jieba's <c>cut_all=True</c>.
    /// Like Jieba, full mode can yield empty strings around whitespace.</param>
    /// <param name="hmm">Whether unknown runs go through the HMM (ignored in full mode).</param>
    /// <returns>The words in order.</returns>
    public IEnumerable<string> Cut(string text, bool cutAll = false, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var view = _view;
        if (cutAll)
        {
            return Cutter.CutAll(text, view);
        }

        var spans = new SpanList(Math.Max(4, text.Length / 2));
        Cutter.Cut(text, view, hmm, spans);
        return ToStrings(text, spans);
    }

    /// <summary>Full mode: every dictionary word in <paramref name="text"/>, as Jieba's <c>cut(text, cut_all=True)</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The words in order of their start.</returns>
    public IEnumerable<string> CutAll(string text) => Cut(text, cutAll: true);

    /// <summary>Search-engine mode, like Jieba's <c>cut_for_search</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="hmm">Whether unknown runs go through the HMM.</param>
    /// <returns>For each word, its dictionary 2-grams and 3-grams (for words longer than 2 and 3), then the word.</returns>
    public IEnumerable<string> CutForSearch(string text, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new SpanList(Math.Max(4, text.Length / 2));
        Cutter.CutForSearch(text, _view, hmm, spans);
        return ToStrings(text, spans);
    }

    /// <summary>Cuts <paramref name="text"/> and returns the words with their UTF-16 offsets, like Jieba's <c>tokenize</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="mode">Accurate or search mode.</param>
    /// <param name="hmm">Whether unknown runs go through the HMM.</param>
    /// <returns>The tokens; in search mode sub-words come before the word that contains them.</returns>
    public IReadOnlyList<Token> Tokenize(string text, TokenizerMode mode = TokenizerMode.Default, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new SpanList(Math.Max(4, text.Length / 2));
        if (mode == TokenizerMode.Search)
        {
            Cutter.CutForSearch(text, _view, hmm, spans);
        }
        else
        {
            Cutter.Cut(text, _view, hmm, spans);
        }

        var tokens = new Token[spans.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            var s = spans.Start(i);
            var e = spans.End(i);
            tokens[i] = new Token(text[s..e], s, e);
        }

        return tokens;
    }

    /// <summary>
    /// Adds a word to this instance's user dictionary, like Jieba's <c>add_word</c>.
    /// A frequency of 0 or less means "suggested": <see cref="SuggestFreq"/> picks one that keeps the word whole.
    /// </summary>
    /// <param name="word">The word.</param>
    /// <param name="freq">Its frequency; 0 or less to have one suggested.</param>
    /// <param name="tag">Its POS tag, or null to keep the dictionary's (or <c>x</c>).</param>
    /// <exception cref="InvalidOperationException">This is the read-only <see cref="Default"/> instance.</exception>
    public void AddWord(string word, int freq = 0, string? tag = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        EnsureWritable();
        lock (_writeLock)
        {
            var f = freq > 0 ? freq : SuggestFreqCore(_view, word);
            Apply([(word, f, tag)]);
        }
    }

    /// <summary>Removes a word from what the segmenter will produce (Jieba's <c>del_word</c>: frequency 0, and forced apart in HMM output).</summary>
    /// <param name="word">The word.</param>
    /// <exception cref="InvalidOperationException">This is the read-only <see cref="Default"/> instance.</exception>
    public void DeleteWord(string word)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        EnsureWritable();
        lock (_writeLock)
        {
            Apply([(word, 0, null)]);
        }
    }

    /// <summary>
    /// Jieba's <c>suggest_freq(word, tune)</c>: a frequency high enough for <paramref name="word"/> to be cut whole.
    /// </summary>
    /// <param name="word">The word.</param>
    /// <param name="tune">Whether to add the word with that frequency (<see cref="AddWord"/>).</param>
    /// <returns>The suggested frequency.</returns>
    public int SuggestFreq(string word, bool tune = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        if (!tune)
        {
            return SuggestFreqCore(_view, word);
        }

        EnsureWritable();
        lock (_writeLock)
        {
            var f = SuggestFreqCore(_view, word);
            Apply([(word, f, null)]);
            return f;
        }
    }

    /// <summary>
    /// Loads a user dictionary in Jieba's format: one <c>word [freq] [tag]</c> per line, UTF-8; blank lines are skipped.
    /// All words are applied as one change.
    /// </summary>
    /// <param name="reader">The dictionary text.</param>
    /// <exception cref="InvalidOperationException">This is the read-only <see cref="Default"/> instance.</exception>
    public void LoadUserDictionary(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        EnsureWritable();
        lock (_writeLock)
        {
            // Jieba adds the words one by one, so a suggested frequency must see the words before it: words with an
            // explicit frequency are batched, and the batch is applied before a frequency is suggested and at the end.
            var pending = new List<(string Word, int Freq, string? Tag)>();
            while (reader.ReadLine() is { } raw)
            {
                // Jieba strips each line, then a leading byte-order mark.
                var line = raw.Trim().TrimStart('\uFEFF');

                if (line.Length == 0)
                {
                    continue;
                }

                var m = UserDictLine().Match(line);
                var word = m.Groups[1].Value;
                var tag = m.Groups[3].Success ? m.Groups[3].Value.Trim() : null;
                int freq;
                if (m.Groups[2].Success)
                {
                    freq = int.Parse(m.Groups[2].Value.AsSpan().Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    if (pending.Count > 0)
                    {
                        Apply(pending);
                        pending = [];
                    }

                    freq = SuggestFreqCore(_view, word);
                }

                pending.Add((word, freq, tag));
            }

            if (pending.Count > 0)
            {
                Apply(pending);
            }
        }
    }

    /// <summary>Loads a user dictionary file (UTF-8) in Jieba's format; see <see cref="LoadUserDictionary(TextReader)"/>.</summary>
    /// <param name="path">The file.</param>
    public void LoadUserDictionary(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        LoadUserDictionary(reader);
    }

    private static int SuggestFreqCore(DictionaryView view, string word)
    {
        // freq = product of FREQ.get(seg, 1) / total over the no-HMM cut; max(int(freq * total) + 1, FREQ.get(word, 1)).
        var total = (double)view.Total;
        var freq = 1.0;
        var spans = new SpanList();
        Cutter.Cut(word, view, hmm: false, spans);
        for (var i = 0; i < spans.Count; i++)
        {
            var seg = word.AsSpan(spans.Start(i), spans.End(i) - spans.Start(i));
            freq *= (view.TryGet(seg, out var f) ? f : 1) / total;
        }

        var own = view.TryGet(word, out var wf) ? wf : 1;
        return (int)Math.Max((long)(freq * view.Total) + 1, own);
    }

    private void Apply(IEnumerable<(string Word, int Freq, string? Tag)> words) =>
        _view = new DictionaryView(_model, _view.Overlay.With(words));

    private void EnsureWritable()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException(
                "JiebaSegmenter.Default is shared and read-only; create your own instance with new JiebaSegmenter() to add or delete words.");
        }
    }

    private static string[] ToStrings(string text, SpanList spans)
    {
        var words = new string[spans.Count];
        for (var i = 0; i < words.Length; i++)
        {
            var s = spans.Start(i);
            words[i] = text.Substring(s, spans.End(i) - s);
        }

        return words;
    }

    [GeneratedRegex("^(.+?)( [0-9]+)?( [a-z]+)?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UserDictLine();
}
