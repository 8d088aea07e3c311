namespace Extract.Training;

/// <summary><c>bench-seg</c>: segmentation throughput, cold start and memory against the anchors.</summary>
internal static class SegBenchmark
{
    public static int Run(string[] args)
    {
        _ = args;
        Console.Error.WriteLine("bench-seg: not yet implemented");
        return 2;
    }
}
