using System.Buffers;
using System.Net;
using System.Text;
using OrleansNetOps.Telemetry.Alerts;
using OrleansNetOps.Telemetry.Flows;
using OrleansNetOps.Telemetry.Metrics;
using OrleansNetOps.Telemetry.Parsing;
using OrleansNetOps.Telemetry.Snmp;
using OrleansNetOps.Telemetry.Syslog;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Telemetry.Tests.Robustness;

/// <summary>
/// Corrupted real inputs must only ever produce the parse error type, and the good input around them must survive.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, int> FlowCaptures => new()
    {
        { "100-IPFIXv10-CISCO", 0 },
        { "101-NFv9-CISCO-cust_primitives", 0 },
        { "104-IPFIXv10-IPv6-CISCO-sampling_option", 0 },
        { "110-IPFIXv10-NFv9-multiple-sources", 2 },
        { "111-IPFIXv10-NFv9-IPv6-IPv4-mix_sources", 1 },
    };

    /// <summary>Normalising and displaying whatever came out of corrupt input must not throw either.</summary>
    private static void Touch(List<FlowDataRecord> records)
    {
        foreach (var record in records)
        {
            FlowRecord.From(record);
            foreach (var field in record.Fields)
            {
                _ = field.ToString();
                _ = field.AsDateTime();
                _ = field.AsInt64();
                _ = field.AsDouble();
            }
        }
    }

    [Fact]
    public void Records_with_random_field_values_normalise_without_throwing()
    {
        var random = new Random(31);
        var decoder = new FlowDecoder();
        var template = new Flows.ExportMessageBuilder().Ipfix(1, 0).Set(2)
            .Template(256, (8, 4), (12, 4), (21, 4), (22, 4), (150, 4), (151, 4), (152, 8), (153, 8), (154, 8), (155, 8), (158, 4), (159, 4), (1, 8), (2, 8), (160, 8), (27, 16), (56, 6), (82, 5))
            .Build();
        decoder.Decode(template, IPAddress.Loopback, Now, new List<FlowDataRecord>());
        for (var i = 0; i < 2000; i++)
        {
            var body = new byte[115]; // exactly one record of the template above
            random.NextBytes(body);
            var message = new Flows.ExportMessageBuilder().Ipfix((uint)random.Next(), 0).Set(256).Bytes(body).Build();
            var records = new List<FlowDataRecord>();
            decoder.Decode(message, IPAddress.Loopback, Now, records);
            Assert.Single(records);
            Touch(records);
        }
    }

    private static string Fingerprint(FlowDataRecord r) =>
        $"{r.Exporter}/{r.ObservationDomainId}/{r.TemplateId}/" + string.Join(",", r.Fields.Select(f => Convert.ToHexString(f.Raw.Span)));

    [Theory]
    [MemberData(nameof(FlowCaptures))]
    public void Corrupted_flow_datagrams_never_throw_and_truncations_cost_no_good_records(string test, int capture)
    {
        var packets = PcapFile.ReadUdp(SharedData.Path("pmacct", test, $"traffic-{capture:00}.pcap"));
        var random = new Random(capture * 7919 + test.Length);
        var clean = new FlowDecoder();
        var noisy = new FlowDecoder();
        var flipped = new FlowDecoder();
        var errors = 0;
        foreach (var packet in packets)
        {
            var data = packet.Payload.ToArray();
            var mutations = Mutations.Of(data, random, 40).ToList();
            foreach (var (mutant, index) in mutations.Select((m, i) => (m, i)))
            {
                // Truncations (every 4th mutation) go to the decoder that must keep all good records; the rest
                // may legitimately rewrite templates, so they only have to fail cleanly.
                var target = index % 4 == 0 ? noisy : flipped;
                var decoded = new List<FlowDataRecord>();
                var ok = target.TryDecode(mutant, packet.Source.Address, packet.Timestamp, decoded, out var error);
                Touch(decoded);
                if (!ok)
                {
                    errors++;
                    Assert.False(string.IsNullOrEmpty(error.Reason));
                    Assert.InRange(error.Offset, 0, mutant.Length);
                }

                flipped.TryDecode(data, packet.Source.Address, packet.Timestamp, new List<FlowDataRecord>(), out _);
            }

            var expected = new List<FlowDataRecord>();
            var actual = new List<FlowDataRecord>();
            clean.Decode(data, packet.Source.Address, packet.Timestamp, expected);
            noisy.Decode(data, packet.Source.Address, packet.Timestamp, actual);
            var remaining = actual.Select(Fingerprint).ToList();
            foreach (var record in expected.Select(Fingerprint))
            {
                Assert.True(remaining.Remove(record), "a good record was lost after corrupted datagrams");
            }
        }

        Assert.True(errors > 0, "the corruptions should have produced errors");
        Assert.True(clean.Statistics.Records > 0);
    }

    private static byte[] SyslogCorpus(bool octetCounting, out List<string> texts)
    {
        texts = [];
        var sb = new StringBuilder();
        string[] apps = ["bgpd", "ospfd", "sshd", "kernel"];
        for (var i = 0; i < 60; i++)
        {
            var text = $"message {i} peer 192.0.2.{i} — state {(i % 2 == 0 ? "Established" : "Idle")}";
            texts.Add(text);
            var message = i % 3 == 0
                ? $"<{(i % 24) * 8 + (i % 8)}>Mar {1 + (i % 28),2} 10:{i % 60:00}:00 r{i % 5} {apps[i % 4]}[{1000 + i}]: {text}"
                : $"<{(i % 24) * 8 + (i % 8)}>1 2025-03-01T10:{i % 60:00}:00.{i:000}Z r{i % 5} {apps[i % 4]} {1000 + i} ID{i} [x@1 k=\"v\\\"{i}\\]\"] {text}";
            if (octetCounting)
            {
                sb.Append(Encoding.UTF8.GetByteCount(message)).Append(' ').Append(message);
            }
            else
            {
                sb.Append(message).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static (List<SyslogMessage> Messages, List<TelemetryParseError> Errors) DecodeStream(byte[] data, int chunk)
    {
        var decoder = new SyslogStreamDecoder(maxFrameLength: 4096);
        var messages = new List<SyslogMessage>();
        var errors = new List<TelemetryParseError>();
        var buffer = Support.ChunkedSequence.Create(data, chunk);
        decoder.Complete(ref buffer, Now, messages, errors);
        return (messages, errors);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Corrupted_syslog_streams_never_throw(bool octetCounting)
    {
        var corpus = SyslogCorpus(octetCounting, out _);
        var random = new Random(octetCounting ? 11 : 13);
        foreach (var mutant in Mutations.Of(corpus, random, 200))
        {
            var (_, errors) = DecodeStream(mutant, random.Next(1, 300));
            Assert.All(errors, e => Assert.InRange(e.Offset, 0, mutant.Length));
        }
    }

    [Fact]
    public void Garbage_lines_between_syslog_messages_cost_only_themselves()
    {
        var corpus = SyslogCorpus(octetCounting: false, out var texts);
        var lines = Encoding.UTF8.GetString(corpus).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var random = new Random(5);
        var stream = new List<byte>();
        foreach (var line in lines)
        {
            stream.AddRange(Encoding.UTF8.GetBytes(line + "\n"));
            var garbage = Mutations.Of(Encoding.UTF8.GetBytes(line), random, 4).ElementAt(random.Next(4)).Where(b => b != (byte)'\n').ToArray();
            stream.AddRange(garbage);
            stream.Add((byte)'\n');
        }

        var (messages, _) = DecodeStream(stream.ToArray(), 512);

        // Every good message is still there, in order (a corrupted copy may also parse, which is fine).
        var next = 0;
        foreach (var m in messages)
        {
            if (next < texts.Count && m.Message == texts[next])
            {
                next++;
            }
        }

        Assert.Equal(texts.Count, next);
    }

    [Fact]
    public void Single_syslog_messages_under_corruption_fail_only_with_parse_errors()
    {
        var random = new Random(3);
        var corpus = SyslogCorpus(octetCounting: false, out _);
        foreach (var line in Encoding.UTF8.GetString(corpus).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var mutant in Mutations.Of(Encoding.UTF8.GetBytes(line), random, 20))
            {
                if (!SyslogParser.TryParse(mutant, Now, out _, out var error))
                {
                    Assert.InRange(error.Offset, 0, mutant.Length);
                }
            }
        }
    }

    // Bytes net-snmp 5.9 snmptrap sent in this repository's interop tests (linkDown v2c with several value types, and a v1 trap).
    private static readonly string[] SnmpDatagrams =
    [
        "3082010b02010104067075626c6963a781fd02042f0983110201000201003081ee300e06082b06010201010300430230393017060a2b06010603010104010006092b0601060301010503300f060a2b060102010202010103020103301a060a2b060102010202010203040c4769302f332075706c696e6b3016060e2b060102010f03010781400002014004c00002013014060e2b060102010f03010e814000020104020604301106082b06010401090901410500ffffffff301506082b06010401090902460900ffffffffffffffff300d06082b06010401090903420107300d06082b06010401090904430164301206082b0601040109090506062b0601040109300c06082b060104010909060500",
        "303902010004067075626c6963a42c06072b06010401bf084004c00002090201020201004302022b3011300f060a2b060102010202010104020104",
    ];

    [Fact]
    public void Corrupted_snmp_traps_fail_only_with_parse_errors()
    {
        var random = new Random(17);
        foreach (var hex in SnmpDatagrams)
        {
            var original = Convert.FromHexString(hex);
            Assert.True(SnmpTrapParser.TryParse(original, out _, out _));
            var failures = 0;
            foreach (var mutant in Mutations.Of(original, random, 2000))
            {
                if (!SnmpTrapParser.TryParse(mutant, out _, out var error))
                {
                    failures++;
                    Assert.InRange(error.Offset, 0, mutant.Length);
                }
            }

            Assert.True(failures > 0);
        }
    }

    [Fact]
    public void Corrupted_prometheus_alertmanager_and_paths_fail_only_with_parse_errors()
    {
        var random = new Random(23);
        var prometheus = Encoding.UTF8.GetBytes("# HELP a x\n# TYPE a counter\na{b=\"c\\\"d\",e=\"f\"} 1.5e3 1700000000000\nb NaN\nc{le=\"+Inf\"} -Inf\n");
        foreach (var mutant in Mutations.Of(prometheus, random, 2000))
        {
            var scrape = PrometheusTextParser.Parse(mutant);
            Assert.All(scrape.Errors, e => Assert.InRange(e.Offset, 0, mutant.Length));
        }

        var alert = Encoding.UTF8.GetBytes("{\"version\":\"4\",\"groupKey\":\"k\",\"status\":\"firing\",\"receiver\":\"r\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"A\"},\"startsAt\":\"2025-01-01T00:00:00Z\"}]}");
        Assert.True(AlertmanagerWebhookParser.TryParse(alert, out _, out _));
        foreach (var mutant in Mutations.Of(alert, random, 2000))
        {
            AlertmanagerWebhookParser.TryParse(mutant, out _, out _);
        }

        const string path = "/interfaces/interface[name=Ethernet1/1]/state/counters/in-octets";
        foreach (var mutant in Mutations.Of(Encoding.Latin1.GetBytes(path), random, 2000))
        {
            TelemetryPath.TryParse(Encoding.Latin1.GetString(mutant), out _, out _);
        }
    }

    [Fact]
    public void Random_bytes_into_every_flow_version_fail_cleanly()
    {
        var random = new Random(29);
        var decoder = new FlowDecoder();
        for (var i = 0; i < 5000; i++)
        {
            var data = new byte[random.Next(0, 200)];
            random.NextBytes(data);
            if (data.Length >= 2)
            {
                data[0] = 0;
                data[1] = (byte)(i % 3 switch { 0 => 5, 1 => 9, _ => 10 });
            }

            var decoded = new List<FlowDataRecord>();
            decoder.TryDecode(data, IPAddress.Loopback, Now, decoded, out _);
            Touch(decoded);
        }

        Assert.True(decoder.Statistics.Malformed > 0);
    }
}
