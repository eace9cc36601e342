using System.CommandLine;
using OrleansNetOps.Analytics.Anomaly;

namespace OrleansNetOps.Cli.Offline;

/// <summary>
/// <c>netops detect --input FILE.csv</c>: scores a <c>timestamp,value</c> series with the production anomaly detector
/// and prints <c>timestamp,value,score,anomaly</c>, one row per input row; <c>anomaly</c> is 1 where the service would
/// raise a finding. Causal: each row's output depends only on the rows before it and itself.
/// </summary>
internal static class DetectCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input", "-i")
        {
            Description = "The series: a CSV file with the header 'timestamp,value' (NAB's format)",
            Required = true,
        };
        var command = new Command("detect", "Score a timestamp,value series offline with the production anomaly detector") { input };
        command.SetAction(parse => Run(parse.GetRequiredValue(input), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Reads, scores and prints one file; 0 on success, 1 (with the reason on <paramref name="error"/>) on bad input.</summary>
    public static int Run(FileInfo file, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        IReadOnlyList<SeriesRow> rows;
        try
        {
            rows = SeriesFile.Read(file);
        }
        catch (SeriesFileException e)
        {
            error.WriteLine($"detect: {e.Message}");
            return 1;
        }

        SeriesDetection.Write(output, rows, SeriesDetection.Score(rows, new AnomalyScorerOptions()));
        return 0;
    }
}
