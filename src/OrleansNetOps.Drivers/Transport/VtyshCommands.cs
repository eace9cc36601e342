namespace OrleansNetOps.Drivers.Transport;

/// <summary>Checks shared by the transports.</summary>
internal static class VtyshCommands
{
    /// <summary>
    /// Refuses commands that could smuggle a second command: each must be one line (the SSH gate reads one
    /// command per line) without control characters.
    /// </summary>
    public static void Validate(IReadOnlyList<string> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (commands.Count == 0)
        {
            throw new ArgumentException("no vtysh commands given", nameof(commands));
        }

        for (var i = 0; i < commands.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(commands[i]) || commands[i].Any(char.IsControl))
            {
                throw new ArgumentException($"commands[{i}] is empty or contains a control character: '{commands[i]}'", nameof(commands));
            }
        }
    }

    /// <summary>The configuration without the <c>Building configuration...</c> header, which frr-reload.py cannot read.</summary>
    public static string WithoutHeader(string configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var lines = configuration.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "Current configuration:") + 1;
        return string.Join('\n', lines[start..]).TrimStart('\n') + "\n";
    }
}
