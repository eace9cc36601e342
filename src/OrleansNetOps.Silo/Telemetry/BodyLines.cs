namespace OrleansNetOps.Silo.Telemetry;

/// <summary>Line numbers of byte offsets in a text body, found by binary search over its newlines.</summary>
internal sealed class BodyLines
{
    private readonly List<int> _newlines = [];

    /// <summary>Indexes the newlines of <paramref name="body"/>.</summary>
    public BodyLines(ReadOnlySpan<byte> body)
    {
        for (var at = body.IndexOf((byte)'\n'); at >= 0;)
        {
            _newlines.Add(at);
            var next = body[(at + 1)..].IndexOf((byte)'\n');
            at = next < 0 ? -1 : at + 1 + next;
        }
    }

    /// <summary>The 1-based line holding <paramref name="offset"/>.</summary>
    public int LineOf(long offset)
    {
        var index = _newlines.BinarySearch((int)Math.Min(offset, int.MaxValue));
        // A newline's own offset belongs to the line it ends; otherwise ~index counts the newlines before the offset.
        return (index >= 0 ? index : ~index) + 1;
    }
}
