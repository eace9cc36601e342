using BenchmarkDotNet.Attributes;
using OrleansNetOps.Analytics.Logs;
using OrleansNetOps.Benchmarks.Bgp;

namespace OrleansNetOps.Benchmarks.Logs;

/// <summary>
/// Log-template mining per line on real logs: the 16,000 lines of the eight loghub 2k samples, whole (headers
/// included, so longer than a syslog MSG). The baseline only splits each line into tokens, the floor any miner pays.
/// Lines per second = 1e9 / mean ns.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class LogTemplateMinerBenchmarks
{
    private const int Lines = 16_000;
    private static readonly string[] Sets = ["HDFS", "Hadoop", "Spark", "Zookeeper", "BGL", "HPC", "Thunderbird", "Windows"];
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private string[] lines = [];
    private LogTemplateMiner warm = null!;
    private long clock;

    [GlobalSetup]
    public void Setup()
    {
        lines = [.. Sets.SelectMany(s => File.ReadLines(DataFile.Path("loghub", s, $"{s}_2k.log")))];
        if (lines.Length != Lines)
        {
            throw new InvalidOperationException($"expected {Lines} loghub lines, read {lines.Length}");
        }

        warm = new LogTemplateMiner();
        foreach (var line in lines)
        {
            warm.Observe(line, T0.AddSeconds(clock++), "R1");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines, Description = "split into tokens")]
    public int Split()
    {
        var tokens = 0;
        foreach (var line in lines)
        {
            tokens += line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        }

        return tokens;
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "mask (LogMasker)")]
    public int Mask()
    {
        var tokens = 0;
        foreach (var line in lines)
        {
            tokens += LogMasker.Mask(line).Length;
        }

        return tokens;
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "observe, templates learned")]
    public int ObserveWarm()
    {
        var news = 0;
        foreach (var line in lines)
        {
            news += warm.Observe(line, T0.AddSeconds(clock++), "R1").IsNew ? 1 : 0;
        }

        return news;
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "observe, from an empty miner")]
    public int ObserveCold()
    {
        var miner = new LogTemplateMiner();
        var news = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            news += miner.Observe(lines[i], T0.AddSeconds(i), "R1").IsNew ? 1 : 0;
        }

        return news;
    }
}
