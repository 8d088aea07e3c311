namespace Extract.Cli.Tests;

/// <summary>The batch run's own gen0 collections: one once more than the budget was allocated, none before.</summary>
public sealed class GarbagePacerTests
{
    [Fact]
    public void Generation_0_is_collected_once_more_than_the_budget_was_allocated()
    {
        var pacer = new GarbagePacer(1 << 20);
        var collected = false;

        // Other tests allocate and collect beside this one (a collection of theirs restarts the count), so allocate a
        // budget's worth at a time until a tick collects.
        for (var attempt = 0; attempt < 100 && !collected; attempt++)
        {
            var before = GC.CollectionCount(0);
            for (var i = 0; i < 40; i++)
            {
                GC.KeepAlive(new byte[32 << 10]);
            }

            collected = pacer.Tick();
            if (collected)
            {
                GC.CollectionCount(0).Should().BeGreaterThan(before);
            }
        }

        collected.Should().BeTrue();
        new GarbagePacer(1L << 50).Tick().Should().BeFalse("nothing near the budget was allocated");
    }

    [Fact]
    public void A_budget_must_be_positive()
    {
        var zero = () => new GarbagePacer(0);
        zero.Should().Throw<ArgumentOutOfRangeException>();
    }
}
