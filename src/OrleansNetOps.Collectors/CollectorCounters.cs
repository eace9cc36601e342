using System.Collections.Concurrent;

namespace OrleansNetOps.Collectors;

/// <summary>
/// A listener's health and counters, as <c>GET /api/v1/collectors</c> and <c>/metrics</c> report them.
/// Thread-safe; increments are lock-free.
/// </summary>
public sealed class CollectorCounters(string name, string protocol)
{
    private readonly ConcurrentDictionary<string, long> _rejected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _sources = new(StringComparer.Ordinal);
    private long _received;
    private long _parsed;
    private long _bytes;

    /// <summary>The listener's name, e.g. <c>bmp</c>.</summary>
    public string Name => name;

    /// <summary>Transport and protocol, e.g. <c>tcp/bmp</c>.</summary>
    public string Protocol => protocol;

    /// <summary>The bound port (0 until bound).</summary>
    public int Port { get; set; }

    /// <summary>Whether the listener is accepting.</summary>
    public bool Listening { get; set; }

    /// <summary>Messages (or datagrams) received.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Messages parsed successfully.</summary>
    public long Parsed => Interlocked.Read(ref _parsed);

    /// <summary>Bytes received.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Rejected messages by reason.</summary>
    public IReadOnlyDictionary<string, long> Rejected => new Dictionary<string, long>(_rejected, StringComparer.Ordinal);

    /// <summary>Messages per source (router or exporter address).</summary>
    public IReadOnlyDictionary<string, long> Sources => new Dictionary<string, long>(_sources, StringComparer.Ordinal);

    /// <summary>Counts received bytes.</summary>
    public void AddBytes(long count) => Interlocked.Add(ref _bytes, count);

    /// <summary>Counts one message received from a source.</summary>
    public void MessageReceived(string source) => MessagesReceived(source, 1);

    /// <summary>Counts messages received from a source.</summary>
    public void MessagesReceived(string source, int count)
    {
        Interlocked.Add(ref _received, count);
        _sources.AddOrUpdate(source, count, (_, n) => n + count);
    }

    /// <summary>Counts messages received on a connection that names no source (one that was refused).</summary>
    public void MessagesReceived(int count) => Interlocked.Add(ref _received, count);

    /// <summary>Counts one message parsed.</summary>
    public void MessageParsed() => MessagesParsed(1);

    /// <summary>Counts messages parsed.</summary>
    public void MessagesParsed(int count) => Interlocked.Add(ref _parsed, count);

    /// <summary>Counts one message rejected for a reason.</summary>
    public void MessageRejected(string reason) => _rejected.AddOrUpdate(reason, 1, static (_, n) => n + 1);
}
