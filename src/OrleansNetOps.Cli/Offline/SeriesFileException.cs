namespace OrleansNetOps.Cli.Offline;

/// <summary>A <c>timestamp,value</c> file that cannot be read; the message names the file and the line.</summary>
internal sealed class SeriesFileException(string message) : Exception(message);
