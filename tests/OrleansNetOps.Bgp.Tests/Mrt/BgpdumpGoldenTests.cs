using System.IO.Compression;
using OrleansNetOps.Bgp.Mrt;

namespace OrleansNetOps.Bgp.Tests.Mrt;

/// <summary>Every bgpdump test input decodes to exactly the lines bgpdump printed for it.</summary>
public sealed class BgpdumpGoldenTests
{
    [Theory]
    [InlineData("bview.20020722.2337.gz")]
    [InlineData("bview.64k_stream_overflow.gz")]
    [InlineData("bview.ipv4_unicast_add_path.gz")]
    [InlineData("updates.20070211.0141.gz")]
    [InlineData("updates.20100722.2015.gz")]
    [InlineData("updates.et-header.2015.gz")]
    [InlineData("updates.long_withdrawal.gz")]
    public void Decoded_records_match_bgpdump_output_line_for_line(string file)
    {
        using var expected = new StreamReader(new GZipStream(
            File.OpenRead(TestData.File("mrt", "bgpdump", "test_expect", file + ".bgp.gz")), CompressionMode.Decompress));
        var formatter = new BgpdumpFormatter();
        var lineNumber = 0;
        foreach (var record in MrtReader.Read(File.OpenRead(TestData.File("mrt", "bgpdump", "test_data", file))))
        {
            foreach (var actual in formatter.Format(record))
            {
                lineNumber++;
                var wanted = expected.ReadLine();
                if (wanted != actual)
                {
                    Assert.Fail($"{file} line {lineNumber}:\n expected: {wanted}\n actual:   {actual}");
                }
            }
        }

        var extra = expected.ReadLine();
        Assert.True(extra is null, $"{file}: bgpdump printed more lines; line {lineNumber + 1}: {extra}");
        Assert.True(lineNumber > 0);
    }
}
