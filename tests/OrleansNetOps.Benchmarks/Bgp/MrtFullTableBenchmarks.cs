using BenchmarkDotNet.Attributes;
using OrleansNetOps.Bgp.Mrt;

namespace OrleansNetOps.Benchmarks.Bgp;

/// <summary>Decoding the 115,521-entry 2002 RIPE RIS TABLE_DUMP (gzip, streamed) end to end.</summary>
[MemoryDiagnoser]
public class MrtFullTableBenchmarks
{
    private byte[] _file = [];

    [GlobalSetup]
    public void Setup() => _file = File.ReadAllBytes(DataFile.Path("mrt", "bgpdump", "test_data", "bview.20020722.2337.gz"));

    [Benchmark]
    public int DecodeFullTable()
    {
        var count = 0;
        foreach (var record in MrtReader.Read(new MemoryStream(_file)))
        {
            if (record is TableDumpRecord)
            {
                count++;
            }
        }

        return count;
    }
}
