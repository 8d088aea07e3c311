using Extract.Recognition.Places;
using Extract.Resources;

namespace Extract.Tests.Recognition.Places;

public sealed class GazetteerLayoutTests
{
    [Fact]
    public void The_stored_trie_is_the_one_the_builder_makes_from_its_names()
    {
        var stored = Gazetteer.Default.Names;
        var builder = new NameTrie.Builder();
        foreach (var (name, value) in stored.Entries())
        {
            builder.Add(name, value);
        }

        Bytes(builder.Build()).Should().Equal(Bytes(stored), "the compiler lays the trie out as a start would have built it");
        stored.ValueCount.Should().BeGreaterThan(48_000);
    }

    [Fact]
    public void The_gazetteer_writes_back_to_the_embedded_bytes()
    {
        using var written = new MemoryStream();
        Gazetteer.Default.Write(written);

        using var embedded = EmbeddedResource.Open(GazetteerFormat.ResourceName);
        using var copy = new MemoryStream();
        embedded.CopyTo(copy);
        written.ToArray().Should().Equal(copy.ToArray());
    }

    [Fact]
    public void A_read_gazetteer_answers_like_the_one_it_was_written_from()
    {
        var gazetteer = Gazetteer.Default;
        using var written = new MemoryStream();
        gazetteer.Write(written);
        written.Position = 0;
        var read = Gazetteer.FromStream(written, "round-trip");

        read.Count.Should().Be(gazetteer.Count);
        var sample = Enumerable.Range(0, gazetteer.Count).Where(i => i % 997 == 0).ToList();
        sample.Select(i => read[i]).Should().Equal(sample.Select(i => gazetteer[i]));
        sample.Select(i => read.ChildrenOf(i).Length).Should().Equal(sample.Select(i => gazetteer.ChildrenOf(i).Length));
        read.Names.Lookup("北京市").Should().Equal(gazetteer.Names.Lookup("北京市")).And.NotBeEmpty();
        read.ChildrenOf(-1).Should().BeEmpty();
    }

    [Fact]
    public void A_damaged_gazetteer_throws_naming_it()
    {
        using var written = new MemoryStream();
        Gazetteer.Default.Write(written);
        var bytes = written.ToArray();

        var cut = () => Gazetteer.FromStream(new MemoryStream(bytes[..(bytes.Length - 100)]), "cut.bin");
        cut.Should().Throw<InvalidOperationException>().WithMessage("*'cut.bin'*");

        var tail = () => Gazetteer.FromStream(new MemoryStream([.. bytes, 0]), "tail.bin");
        tail.Should().Throw<InvalidOperationException>().WithMessage("*'tail.bin'*bytes after*");

        // The trie's last value (a form byte) is fine to change; the division before it is an int that must name an entry.
        var bad = bytes.ToArray();
        var valueCount = Gazetteer.Default.Names.ValueCount;
        BitConverter.GetBytes(int.MaxValue).CopyTo(bad, bad.Length - valueCount - 4);
        var outside = () => Gazetteer.FromStream(new MemoryStream(bad), "outside.bin");
        outside.Should().Throw<InvalidOperationException>().WithMessage("*'outside.bin'*points at entry*");
    }

    private static byte[] Bytes(NameTrie trie)
    {
        using var stream = new MemoryStream();
        trie.Write(stream);
        return stream.ToArray();
    }
}
