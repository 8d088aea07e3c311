using Extract.Batch;

namespace Extract.Store.Tests;

public sealed class StoreKeysTests
{
    private static ArticleRecord Failed(string id, string hash) => new(hash, ExtractionResult.Failure(id, "unreadable"));

    [Fact]
    public void A_batch_keeps_the_later_record_of_an_id_in_ordinal_id_order()
    {
        var latest = StoreKeys.LatestPerId([Failed("b", "1"), Failed("a", "2"), Failed("b", "3"), Failed("B", "4")]);

        latest.Select(r => (r.Id, r.ContentHash)).Should().Equal(("B", "4"), ("a", "2"), ("b", "3"));
    }

    [Fact]
    public void A_stored_row_matches_only_with_the_hash_asked_for()
    {
        var wanted = StoreKeys.Wanted([new RecordKey("a", "h1"), new RecordKey("b", "h2"), new RecordKey("a", "h3")]);
        var found = new HashSet<string>(StringComparer.Ordinal);

        StoreKeys.Match(wanted, "a", "h1", found);
        StoreKeys.Match(wanted, "b", "h2", found);
        StoreKeys.Match(wanted, "c", "h2", found);

        wanted.Should().HaveCount(2);
        found.Should().BeEquivalentTo(["b"], "a was asked for last with h3, and c was not asked for");
        StoreKeys.Match(wanted, "a", "h3", found);
        found.Should().BeEquivalentTo(["a", "b"]);
    }
}
