using Extract.Resources;

namespace Extract.Tests.Resources;

public sealed class FlatArraysTests
{
    [Fact]
    public void Values_written_as_bytes_read_back_equal()
    {
        using var stream = new MemoryStream();
        FlatArrays.Write(stream, new[] { 1, -2, int.MaxValue });
        FlatArrays.Write(stream, "名字".AsSpan());
        FlatArrays.Write(stream, new[] { 0.5, double.NaN });
        stream.Length.Should().Be((3 * sizeof(int)) + (2 * sizeof(char)) + (2 * sizeof(double)));

        stream.Position = 0;
        FlatArrays.Read<int>(stream, 3).Should().Equal(1, -2, int.MaxValue);
        new string(FlatArrays.Read<char>(stream, 2)).Should().Be("名字");
        FlatArrays.Read<double>(stream, 2).Select(BitConverter.DoubleToInt64Bits)
            .Should().Equal(BitConverter.DoubleToInt64Bits(0.5), BitConverter.DoubleToInt64Bits(double.NaN));
    }

    [Fact]
    public void A_stream_shorter_than_its_count_is_refused()
    {
        using var stream = new MemoryStream(new byte[6]);

        var read = () => FlatArrays.Read<int>(stream, 2);

        read.Should().Throw<EndOfStreamException>();
    }
}
