using BenchmarkDotNet.Attributes;
using Extract.Recognition.Tagging;
using Extract.Segmentation;
using Extract.Tokens;

namespace Extract.Benchmarks;

/// <summary>
/// Warm cost of the name tagger on a news paragraph whose POS tokens are given (as in the pipeline), against the POS
/// cut itself as the baseline. Load time, memory and MB/s over the MSRA test set: <c>Extract.Training bench-ner</c>.
/// </summary>
[MemoryDiagnoser]
public class NameTaggerBenchmarks
{
    private const string Paragraph =
        "新华社北京1月1日电 国务院总理李鹏今天在人民大会堂会见了美国国务卿奥尔布赖特。永州市零陵区税务局党委书记蒋文锋" +
        "带领志愿者深入东岳宫社区，协助医护人员上门采集核酸5463人次。中俄友好、和平与发展委员会在北京召开会议。";

    private List<WordToken> _tokens = [];

    [GlobalSetup]
    public void Setup()
    {
        _tokens = [.. PosSegmenter.Default.Tokenize(Paragraph).Select(t => new WordToken(t.Word, t.Tag, t.Start, t.End))];
        _ = NameTagger.Default.Tag(Paragraph, 0, Paragraph.Length, _tokens);
    }

    [Benchmark(Baseline = true)]
    public int PosCut() => PosSegmenter.Default.Tokenize(Paragraph).Count;

    [Benchmark]
    public int Tag() => NameTagger.Default.Tag(Paragraph, 0, Paragraph.Length, _tokens).Count;
}
