using System.Text;
using OrleansNetOps.Telemetry.Alerts;
using OrleansNetOps.Telemetry.Parsing;

namespace OrleansNetOps.Telemetry.Tests.Alerts;

public sealed class AlertmanagerWebhookParserTests
{
    private const string Payload = """
        {
          "receiver": "netops",
          "status": "firing",
          "alerts": [
            {
              "status": "firing",
              "labels": { "alertname": "BgpSessionDown", "instance": "r1:9100", "peer": "192.0.2.1", "severity": "critical" },
              "annotations": { "summary": "BGP session to 192.0.2.1 is down", "description": "line one\nline two" },
              "startsAt": "2025-03-01T10:15:30.123456789Z",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "http://prometheus:9090/graph?g0.expr=bgp_up+%3D%3D+0",
              "fingerprint": "6f2c3c6c1d6b8c19"
            },
            {
              "status": "resolved",
              "labels": { "alertname": "BgpSessionDown", "instance": "r2:9100" },
              "annotations": {},
              "startsAt": "2025-03-01T09:00:00+01:00",
              "endsAt": "2025-03-01T10:00:00+01:00",
              "generatorURL": "",
              "fingerprint": "a1b2"
            }
          ],
          "groupLabels": { "alertname": "BgpSessionDown" },
          "commonLabels": { "alertname": "BgpSessionDown" },
          "commonAnnotations": {},
          "externalURL": "http://alertmanager:9093",
          "version": "4",
          "groupKey": "{}:{alertname=\"BgpSessionDown\"}",
          "truncatedAlerts": 0
        }
        """;

    [Fact]
    public void Every_field_is_read()
    {
        var w = AlertmanagerWebhookParser.Parse(Encoding.UTF8.GetBytes(Payload));

        Assert.Equal(("4", "netops", AlertStatus.Firing, 0), (w.Version, w.Receiver, w.Status, w.TruncatedAlerts));
        Assert.Equal("{}:{alertname=\"BgpSessionDown\"}", w.GroupKey);
        Assert.Equal("http://alertmanager:9093", w.ExternalUrl);
        Assert.Equal("BgpSessionDown", w.GroupLabels["alertname"]);
        Assert.Equal("BgpSessionDown", w.CommonLabels["alertname"]);
        Assert.Empty(w.CommonAnnotations);
        Assert.Equal(2, w.Alerts.Count);
        var a = w.Alerts[0];
        Assert.Equal((AlertStatus.Firing, "BgpSessionDown", "critical"), (a.Status, a.Name, a.Labels["severity"]));
        Assert.Equal("line one\nline two", a.Annotations["description"]);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 15, 30, TimeSpan.Zero).AddTicks(1_234_568), a.StartsAt); // .NET keeps 100 ns ticks: nanoseconds round
        Assert.Null(a.EndsAt);
        Assert.Equal("6f2c3c6c1d6b8c19", a.Fingerprint);
        Assert.StartsWith("http://prometheus:9090/graph", a.GeneratorUrl, StringComparison.Ordinal);
        var b = w.Alerts[1];
        Assert.Equal(AlertStatus.Resolved, b.Status);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero), b.EndsAt);
    }

    [Theory]
    [InlineData("\"status\": \"firing\",\n  \"alerts\"", "\"status\": \"burning\",\n  \"alerts\"", "$.status")]
    [InlineData("\"startsAt\": \"2025-03-01T09:00:00+01:00\"", "\"startsAt\": \"yesterday\"", "$.alerts[1].startsAt")]
    [InlineData("\"severity\": \"critical\"", "\"severity\": 5", "$.alerts[0].labels.severity")]
    [InlineData("\"version\": \"4\"", "\"version\": \"3\"", "$.version")]
    [InlineData("\"receiver\": \"netops\",", "", "$.receiver")]
    [InlineData("\"truncatedAlerts\": 0", "\"truncatedAlerts\": -1", "$.truncatedAlerts")]
    [InlineData("\"labels\": { \"alertname\": \"BgpSessionDown\", \"instance\": \"r2:9100\" }", "\"labels\": {}", "$.alerts[1].labels")]
    public void Validation_errors_name_the_json_path(string find, string replace, string path)
    {
        var json = Payload.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Payload, json);

        var ok = AlertmanagerWebhookParser.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error);

        Assert.False(ok);
        Assert.Equal(path, error.Path);
        var ex = Assert.Throws<TelemetryFormatException>(() => AlertmanagerWebhookParser.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_errors_give_the_byte_offset()
    {
        var json = "{\n  \"receiver\": \"x\",\n  \"status\" \"firing\"\n}";

        var ok = AlertmanagerWebhookParser.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error);

        Assert.False(ok);
        Assert.Equal(json.IndexOf("\"firing\"", StringComparison.Ordinal), error.Offset);
    }
}
