using System.Net;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Integration.Tests.FullTable;

/// <summary>
/// The test side of an eBGP session, spoken with the project's own codec: OPEN, KEEPALIVE, then UPDATEs as fast as the
/// peer takes them, keepalives while the session lasts, and everything the peer sends read and checked (a NOTIFICATION
/// or a closed connection is remembered and reported).
/// </summary>
public sealed class BgpFeedSpeaker : IAsyncDisposable
{
    private const int WriteChunk = 64 * 1024;
    private readonly Stream _stream;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _keepalive = BgpMessageCodec.Encode(KeepaliveMessage.Instance, BgpDecodingContext.FourOctet);
    private Task? _reading;
    private Task? _keepingAlive;
    private volatile string? _failure;

    private BgpFeedSpeaker(Stream stream, OpenMessage peerOpen)
    {
        _stream = stream;
        PeerOpen = peerOpen;
    }

    /// <summary>The peer's OPEN.</summary>
    public OpenMessage PeerOpen { get; }

    /// <summary>Messages the peer sent after the session came up.</summary>
    public long Received { get; private set; }

    /// <summary>Why the session is gone (a NOTIFICATION, a closed connection), or null while it is up.</summary>
    public string? Failure => _failure;

    /// <summary>Sends OPEN and KEEPALIVE over <paramref name="stream"/> and waits for the peer's OPEN and KEEPALIVE.</summary>
    /// <exception cref="InvalidOperationException">The peer refused the session; the message says how.</exception>
    public static async Task<BgpFeedSpeaker> EstablishAsync(Stream stream, uint asn, IPAddress bgpIdentifier, ushort holdTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var open = new OpenMessage(4, asn > ushort.MaxValue ? (ushort)Bgp.Attributes.AsPath.AsTrans : (ushort)asn, holdTime, bgpIdentifier,
            new Capability[] { new MultiprotocolCapability(AfiSafi.IPv4Unicast), new RouteRefreshCapability(), new FourOctetAsCapability(asn) });
        await stream.WriteAsync(BgpMessageCodec.Encode(open, BgpDecodingContext.FourOctet), cancellationToken);
        var answer = await ReadMessageAsync(stream, cancellationToken);
        if (answer is not OpenMessage peerOpen)
        {
            throw new InvalidOperationException($"the peer answered OPEN with {answer}");
        }

        await stream.WriteAsync(BgpMessageCodec.Encode(KeepaliveMessage.Instance, BgpDecodingContext.FourOctet), cancellationToken);
        var confirm = await ReadMessageAsync(stream, cancellationToken);
        if (confirm is not KeepaliveMessage)
        {
            throw new InvalidOperationException($"the peer answered KEEPALIVE with {confirm}");
        }

        var speaker = new BgpFeedSpeaker(stream, peerOpen);
        var negotiatedHold = Math.Min(holdTime, peerOpen.HoldTime);
        speaker._reading = speaker.ReadAsync();
        speaker._keepingAlive = speaker.KeepAliveAsync(TimeSpan.FromSeconds(Math.Max(1, negotiatedHold / 3)));
        return speaker;
    }

    /// <summary>Sends the UPDATEs in order, as fast as the peer reads them.</summary>
    /// <returns>How many prefixes were announced.</returns>
    /// <exception cref="InvalidOperationException">The session failed on the way.</exception>
    public async Task<long> AnnounceAsync(IEnumerable<UpdateMessage> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var buffer = new MemoryStream(WriteChunk + BgpMessageCodec.MaxMessageLength);
        long prefixes = 0;
        foreach (var update in updates)
        {
            var bytes = BgpMessageCodec.Encode(update, BgpDecodingContext.FourOctet);
            buffer.Write(bytes);
            prefixes += update.Announced.Count;
            if (buffer.Length >= WriteChunk)
            {
                await WriteAsync(buffer, cancellationToken);
            }
        }

        await WriteAsync(buffer, cancellationToken);
        return prefixes;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _stream.DisposeAsync();
        foreach (var task in new[] { _reading, _keepingAlive })
        {
            if (task is not null)
            {
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        _stop.Dispose();
        _writing.Dispose();
    }

    private async Task WriteAsync(MemoryStream buffer, CancellationToken cancellationToken)
    {
        if (_failure is { } failure)
        {
            throw new InvalidOperationException("the BGP session to FRR failed: " + failure);
        }

        await _writing.WaitAsync(cancellationToken);
        try
        {
            await _stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        }
        finally
        {
            _writing.Release();
        }

        buffer.SetLength(0);
    }

    private async Task KeepAliveAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await _writing.WaitAsync(_stop.Token);
                try
                {
                    await _stream.WriteAsync(_keepalive, _stop.Token);
                }
                finally
                {
                    _writing.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        catch (IOException error)
        {
            _failure ??= "keepalive not sent: " + error.Message;
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var message = await ReadMessageAsync(_stream, _stop.Token);
                Received++;
                if (message is NotificationMessage notification)
                {
                    _failure = "FRR sent NOTIFICATION " + notification;
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        catch (Exception error) when (error is IOException or EndOfStreamException or Bgp.Wire.BgpDecodeException)
        {
            _failure ??= error.Message;
        }
    }

    private static async Task<BgpMessage> ReadMessageAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[BgpMessage.HeaderLength];
        await stream.ReadExactlyAsync(header, cancellationToken);
        var length = BgpMessageCodec.PeekLength(header)!.Value;
        var message = new byte[length];
        header.CopyTo(message, 0);
        await stream.ReadExactlyAsync(message.AsMemory(BgpMessage.HeaderLength), cancellationToken);
        return BgpMessageCodec.Decode(message, BgpDecodingContext.FourOctet);
    }
}
