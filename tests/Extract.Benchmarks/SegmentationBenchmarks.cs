using BenchmarkDotNet.Attributes;
using Extract.Segmentation;

namespace Extract.Benchmarks;

/// <summary>
/// Warm per-call costs of the segmenter on a news paragraph. Throughput against the anchors (@node-rs/jieba,
/// nodejieba, Python jieba), cold start and peak memory are measured by <c>Extract.Training bench-seg</c>,
/// since BenchmarkDotNet measures warm code in its own process.
/// </summary>
[MemoryDiagnoser]
public class SegmentationBenchmarks
{
    private const string Paragraph =
        "新华社北京1月1日电 国家主席习近平发表二〇二四年新年贺词。小明硕士毕业于中国科学院计算所，后在日本京都大学深造，" +
        "iPhone 15 的价格是5999.00元，同比下降10%。工信处女干事每月经过下属科室都要亲口交代24口交换机等技术性器件的安装工作。";

    [GlobalSetup]
    public void Setup() => _ = JiebaSegmenter.Default.Cut("预热").ToList();

    [Benchmark(Baseline = true)]
    public int Cut() => JiebaSegmenter.Default.Cut(Paragraph).Count();

    [Benchmark]
    public int CutNoHmm() => JiebaSegmenter.Default.Cut(Paragraph, hmm: false).Count();

    [Benchmark]
    public int Tokenize() => JiebaSegmenter.Default.Tokenize(Paragraph).Count;

    [Benchmark]
    public int CutForSearch() => JiebaSegmenter.Default.CutForSearch(Paragraph).Count();

    [Benchmark]
    public int PosCut() => PosSegmenter.Default.Tokenize(Paragraph).Count;

    [Benchmark]
    public int Keywords() => TfidfExtractor.Default.ExtractTags(Paragraph, 10).Count;
}
