using System.CommandLine;
using System.Globalization;
using OrleansNetOps.Analytics.Anomaly;
using OrleansNetOps.Analytics.Anomaly.Nab;
using Spectre.Console;

namespace OrleansNetOps.Cli.Offline;

/// <summary>
/// <c>netops nab --data DIR</c>: runs <c>detect</c>'s detector over a NAB corpus (DIR holds <c>data/</c> and
/// <c>labels/combined_windows.json</c>) and scores its <c>anomaly</c> column as NAB does, per file, per category and
/// over the corpus, beside NAB's published scores.
/// </summary>
internal static class NabCommand
{
    private static readonly (string Detector, double Score)[] Published =
    [
        ("Numenta HTM", 70.5),
        ("CAD OSE", 69.9),
        ("KNN CAD", 58.0),
        ("Random Cut Forest", 51.7),
        ("Windowed Gaussian", 39.6),
    ];

    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data", "-d")
        {
            Description = "The NAB corpus: a folder with data/ (the series) and labels/combined_windows.json",
            Required = true,
        };
        var profile = new Option<string>("--profile")
        {
            Description = "NAB cost profile: standard, low-fp or low-fn",
            DefaultValueFactory = _ => "standard",
        };
        profile.AcceptOnlyFromAmong("standard", "low-fp", "low-fn");
        var command = new Command("nab", "Score the offline detector on a NAB corpus with NAB's scoring") { data, profile };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(data),
            parse.GetValue(profile) ?? "standard",
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Scores the corpus and prints the tables; 1 with a message when the corpus cannot be read.</summary>
    public static int Run(DirectoryInfo corpus, string profileName, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var profile = profileName switch
        {
            "low-fp" => NabCostProfile.RewardLowFalsePositives,
            "low-fn" => NabCostProfile.RewardLowFalseNegatives,
            _ => NabCostProfile.Standard,
        };

        NabCorpusScore total;
        try
        {
            total = Score(corpus, profile);
        }
        catch (Exception e) when (e is SeriesFileException or FormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"nab: {e.Message}");
            return 1;
        }

        Print(output, total, new NabScorer(profile), profileName);
        return 0;
    }

    /// <summary>Runs the detector over every labelled file of the corpus and scores it.</summary>
    public static NabCorpusScore Score(DirectoryInfo corpus, NabCostProfile profile)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var labelsPath = Path.Combine(corpus.FullName, "labels", "combined_windows.json");
        var labels = NabLabels.ParseWindows(File.ReadAllText(labelsPath));
        var scorer = new NabScorer(profile);
        var files = new List<NabFileScore>();
        foreach (var (name, windows) in labels)
        {
            var rows = SeriesFile.Read(new FileInfo(Path.Combine(corpus.FullName, "data", name)));
            var points = SeriesDetection.Score(rows, new AnomalyScorerOptions());
            files.Add(scorer.ScoreFile(name, [.. rows.Select(r => r.At.UtcDateTime)], [.. points.Select(p => p.Raised)], windows));
        }

        return scorer.Total(files);
    }

    private static void Print(TextWriter output, NabCorpusScore total, NabScorer scorer, string profileName)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 120;

        var files = new Table().Title($"NAB, {profileName} profile: per file").AddColumns("file", "windows found", "false positives", "raw score", "null score");
        foreach (var file in total.Files)
        {
            files.AddRow(file.File, $"{file.WindowsDetected}/{file.Windows}", Number(file.FalsePositiveRows), Number(file.Score, "0.000"), Number(file.NullScore, "0.0"));
        }

        console.Write(files);

        var categories = new Table().Title("per category (normalised as NAB normalises the corpus)").AddColumns("category", "files", "windows found", "false positives", "score");
        foreach (var group in total.Files.GroupBy(f => f.File.Split('/')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var part = scorer.Total(group);
            categories.AddRow(group.Key, Number(group.Count()), $"{part.WindowsDetected}/{part.Windows}", Number(part.FalsePositiveRows), part.Windows == 0 ? "–" : Number(part.Score, "0.0"));
        }

        console.Write(categories);

        var summary = new Table().Title("corpus").AddColumns("detector", "score");
        summary.AddRow("this detector (detect's anomaly column)", Number(total.Score, "0.0"));
        foreach (var (detector, score) in Published)
        {
            summary.AddRow($"{detector} (published, NAB's 58 files)", Number(score, "0.0"));
        }

        console.Write(summary);
        console.WriteLine($"raw {Number(total.RawScore, "0.000")}, null {Number(total.NullScore, "0.0")}, perfect {Number(total.PerfectScore, "0.0")}; {total.WindowsDetected}/{total.Windows} windows found, {total.FalsePositiveRows} false positives");
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
