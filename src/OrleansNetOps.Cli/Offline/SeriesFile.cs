namespace OrleansNetOps.Cli.Offline;

/// <summary>Opens a series file for <see cref="SeriesCsv"/>, turning I/O failures into messages that name the file.</summary>
internal static class SeriesFile
{
    /// <exception cref="SeriesFileException">The file is missing, unreadable or malformed.</exception>
    public static IReadOnlyList<SeriesRow> Read(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            using var reader = new StreamReader(file.FullName, detectEncodingFromByteOrderMarks: true);
            return SeriesCsv.Read(reader, file.ToString());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SeriesFileException($"{file}: cannot read ({e.Message})");
        }
    }
}
