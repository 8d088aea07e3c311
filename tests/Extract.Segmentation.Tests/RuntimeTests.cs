namespace Extract.Segmentation.Tests;

/// <summary>Each leg of the test run runs on the runtime it targets (the net8.0 leg is self-contained, never rolled forward).</summary>
public sealed class RuntimeTests
{
    [Fact]
    public void Runs_on_the_targeted_runtime()
    {
#if NET10_0
        const int Targeted = 10;
#else
        const int Targeted = 8;
#endif
        Environment.Version.Major.Should().Be(Targeted);
    }
}
