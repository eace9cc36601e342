using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace OrleansNetOps.Collectors.Syslog;

/// <summary>
/// A bound Unix-domain datagram socket and its receive loop: the kind of socket FRR's
/// <c>destination unix PATH</c> log target and <c>/dev/log</c>-style senders write to, one message per datagram.
/// Every datagram goes to the handler on the loop's own task, one at a time. The socket file is created on bind and
/// removed on dispose.
/// </summary>
internal sealed class UnixDatagramReceiver : IAsyncDisposable
{
    // A datagram this long or longer may have been cut by the buffer; it is rejected rather than parsed truncated.
    private const int BufferLength = 64 * 1024 + 1;

    // ENXIO: on Linux, .NET reports the errno of a failed open as the IOException's HResult.
    private const int NoSuchDeviceOrAddress = 6;

    private readonly Socket _socket;
    private readonly CollectorCounters _counters;
    private readonly ILogger _logger;
    private readonly Action<ReadOnlyMemory<byte>> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public UnixDatagramReceiver(string path, CollectorCounters counters, ILogger logger, Action<ReadOnlyMemory<byte>> handler)
    {
        Path = path;
        _counters = counters;
        _logger = logger;
        _handler = handler;
        RemoveStaleSocket(path);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            _socket.Bind(new UnixDomainSocketEndPoint(path));
            // Routers run as their own user (FRR as 'frr'), and sending needs write permission on the socket file.
            // Who may reach the socket is decided by the permissions of the directory the operator puts it in.
            // (Windows has no mode bits; there the directory's ACL alone applies.)
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite
                    | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
            }
            // Bursts (a flapping session logs a lot at once) must not be dropped by a small default buffer.
            _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    /// <summary>The socket file.</summary>
    public string Path { get; }

    public void Start() => _loop = Task.Run(() => ReceiveAsync(_stopping.Token));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stopping.Dispose();
        // Leave no file behind: a later bind to the same path would otherwise have to decide whether it is stale.
        try
        {
            File.Delete(Path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not remove the syslog socket {Path}: {Error}", Path, exception.Message);
        }
    }

    /// <summary>
    /// A socket file left by a process that died is in the way of bind. It is removed only when it is clearly a
    /// dead socket: a regular file is never deleted, and a socket someone still listens on is never taken over.
    /// </summary>
    private static void RemoveStaleSocket(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            // Opening a socket file fails (ENXIO); opening anything the operator may care about succeeds.
            using (File.OpenRead(path))
            {
            }

            throw new IOException($"'{path}' exists and is not a socket; refusing to replace it with the syslog socket");
        }
        catch (IOException exception) when (exception.HResult == NoSuchDeviceOrAddress)
        {
            // A socket (or device): find out whether anyone is still behind it.
        }

        using var probe = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionRefused)
        {
            File.Delete(path);
            return;
        }

        throw new IOException($"'{path}' is a socket another process is listening on");
    }

    private async Task ReceiveAsync(CancellationToken stopping)
    {
        var buffer = new byte[BufferLength];
        while (!stopping.IsCancellationRequested)
        {
            int received;
            try
            {
                // Plain receive, not receive-from: senders such as FRR do not bind their end, so there is no
                // address to report, and the sender is this host by definition.
                received = await _socket.ReceiveAsync(buffer, SocketFlags.None, stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception)
            {
                _logger.LogDebug("{Collector} unix receive error: {Error}", _counters.Name, exception.Message);
                continue;
            }

            _counters.AddBytes(received);
            if (received == BufferLength)
            {
                _counters.MessageReceived(SourceName(Path));
                _counters.MessageRejected("datagram longer than N bytes");
                _logger.LogWarning("{Collector}: a datagram on {Path} exceeded {Limit} bytes; skipped", _counters.Name, Path, BufferLength - 1);
                continue;
            }

            try
            {
                _handler(buffer.AsMemory(0, received));
            }
            catch (Exception exception)
            {
                _counters.MessageRejected("internal-error");
                _logger.LogError(exception, "{Collector} failed on a {Bytes}-byte datagram on {Path}; it is dropped and the listener goes on",
                    _counters.Name, received, Path);
            }
        }
    }

    /// <summary>How messages arriving on the socket at <paramref name="path"/> are named as a source.</summary>
    public static string SourceName(string path) => "unix:" + path;
}
