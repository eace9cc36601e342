using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OrleansNetOps.Telemetry.Parsing;
using OrleansNetOps.Telemetry.Syslog;
using OrleansNetOps.Telemetry.Tests.Support;

namespace OrleansNetOps.Telemetry.Tests.Syslog;

/// <summary>Messages written by util-linux <c>logger</c>, received on loopback and checked field by field.</summary>
public sealed class LoggerInteropTests
{
    private static readonly Dictionary<string, string> Utc = new() { ["TZ"] = "UTC" };

    private static string Logger() => ExternalProgram.Require("logger", "bsdutils");

    private static void AssertHostname(string? actual)
    {
        var host = Dns.GetHostName();
        Assert.True(actual == host || actual == host.Split('.')[0], $"hostname '{actual}' is not '{host}'");
    }

    private static async Task<(byte[] Datagram, DateTimeOffset Before, DateTimeOffset After)> SendUdp(params string[] arguments)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        var before = DateTimeOffset.UtcNow;
        ExternalProgram.Run(Logger(), ["-d", "-n", "127.0.0.1", "-P", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. arguments], environment: Utc);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = await udp.ReceiveAsync(cts.Token);
        return (received.Buffer, before, DateTimeOffset.UtcNow);
    }

    private static async Task<(List<SyslogMessage> Messages, List<TelemetryParseError> Errors, SyslogFraming? Framing)> SendTcp(string stdin, params string[] arguments)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var accept = listener.AcceptTcpClientAsync();
            var send = Task.Run(() => ExternalProgram.Run(Logger(), ["-T", "-n", "127.0.0.1", "-P", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. arguments], stdin, environment: Utc));
            using var client = await accept.WaitAsync(TimeSpan.FromSeconds(10));
            var reader = PipeReader.Create(client.GetStream());
            var decoder = new SyslogStreamDecoder();
            var messages = new List<SyslogMessage>();
            var errors = new List<TelemetryParseError>();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (true)
            {
                var read = await reader.ReadAsync(cts.Token);
                var buffer = read.Buffer;
                if (read.IsCompleted)
                {
                    decoder.Complete(ref buffer, DateTimeOffset.UtcNow, messages, errors);
                    reader.AdvanceTo(buffer.End);
                    break;
                }

                decoder.Decode(ref buffer, DateTimeOffset.UtcNow, messages, errors);
                reader.AdvanceTo(buffer.Start, buffer.End);
            }

            await reader.CompleteAsync();
            await send;
            return (messages, errors, decoder.Framing);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Rfc5424_over_udp_with_structured_data()
    {
        var (datagram, before, after) = await SendUdp(
            "--rfc5424", "-t", "bgpd", "-p", "local3.warning", "--id=4242", "--msgid", "ADJCHANGE",
            "--sd-id", "peer@32473", "--sd-param", "addr=\"192.0.2.1\"", "--sd-param", "note=\"say \\\"hi\\\" \\] a\\\\b\"",
            "neighbour 192.0.2.1 Down — hold timer expired");

        var m = SyslogParser.Parse(datagram, after);

        Assert.Equal(SyslogFormat.Rfc5424, m.Format);
        Assert.Equal(SyslogFacility.Local3, m.Facility);
        Assert.Equal(SyslogSeverity.Warning, m.Severity);
        AssertHostname(m.Hostname);
        Assert.Equal("bgpd", m.AppName);
        Assert.Equal("4242", m.ProcId);
        Assert.Equal("ADJCHANGE", m.MsgId);
        Assert.InRange(m.Timestamp!.Value, before.AddSeconds(-1), after.AddSeconds(1));
        var peer = Assert.Single(m.StructuredData, e => e.Id == "peer@32473");
        Assert.Equal("192.0.2.1", peer["addr"]);
        Assert.Equal("say \"hi\" ] a\\b", peer["note"]);
        Assert.Contains(m.StructuredData, e => e.Id == "timeQuality" && e["tzKnown"] == "1");
        Assert.Equal("neighbour 192.0.2.1 Down — hold timer expired", m.Message);
    }

    [Fact]
    public async Task Rfc3164_over_udp_with_pid()
    {
        var (datagram, before, after) = await SendUdp("--rfc3164", "-t", "sshd", "-p", "auth.err", "--id=777", "Invalid user admin from 198.51.100.7");

        var m = SyslogParser.Parse(datagram, after);

        Assert.Equal(SyslogFormat.Rfc3164, m.Format);
        Assert.Equal(SyslogFacility.Auth, m.Facility);
        Assert.Equal(SyslogSeverity.Error, m.Severity);
        AssertHostname(m.Hostname);
        Assert.Equal("sshd", m.AppName);
        Assert.Equal("777", m.ProcId);
        Assert.Null(m.MsgId);
        Assert.InRange(m.Timestamp!.Value, before.AddSeconds(-2), after.AddSeconds(1));
        Assert.Equal("Invalid user admin from 198.51.100.7", m.Message);
    }

    [Fact]
    public async Task Rfc5424_over_tcp_with_octet_counting_several_messages_on_one_connection()
    {
        var lines = new[] { "first message", "second [with] \"quotes\"", "drittes — ünïcödé" };

        var (messages, errors, framing) = await SendTcp(string.Join('\n', lines) + "\n", "--rfc5424", "--octet-count", "-t", "ospfd", "-p", "daemon.notice");

        Assert.Empty(errors);
        Assert.Equal(SyslogFraming.OctetCounting, framing);
        Assert.Equal(lines, messages.Select(m => m.Message));
        Assert.All(messages, m =>
        {
            Assert.Equal(SyslogFacility.Daemon, m.Facility);
            Assert.Equal(SyslogSeverity.Notice, m.Severity);
            Assert.Equal("ospfd", m.AppName);
            AssertHostname(m.Hostname);
        });
    }

    [Fact]
    public async Task Rfc3164_over_tcp_with_line_framing()
    {
        var lines = new[] { "%LINK-3-UPDOWN: Interface Gi0/1, changed state to down", "second line", "third" };

        var (messages, errors, framing) = await SendTcp(string.Join('\n', lines) + "\n", "--rfc3164", "-t", "ios", "-p", "local7.crit");

        Assert.Empty(errors);
        Assert.Equal(SyslogFraming.NonTransparent, framing);
        Assert.Equal(lines, messages.Select(m => m.Message));
        Assert.All(messages, m =>
        {
            Assert.Equal(SyslogFormat.Rfc3164, m.Format);
            Assert.Equal(SyslogFacility.Local7, m.Facility);
            Assert.Equal(SyslogSeverity.Critical, m.Severity);
            Assert.Equal("ios", m.AppName);
        });
    }

    [Fact]
    public async Task Rfc5424_over_tcp_with_line_framing()
    {
        var (messages, errors, framing) = await SendTcp("one\ntwo\n", "--rfc5424", "-t", "isisd", "-p", "user.info");

        Assert.Empty(errors);
        Assert.Equal(SyslogFraming.NonTransparent, framing);
        Assert.Equal(["one", "two"], messages.Select(m => m.Message));
        Assert.All(messages, m => Assert.Equal(SyslogFormat.Rfc5424, m.Format));
    }
}
