using System.Net;
using OrleansNetOps.Postgres.Telemetry;
using OrleansNetOps.Postgres.Tests.Infrastructure;
using OrleansNetOps.Telemetry.Flows;
using OrleansNetOps.Telemetry.Snmp;
using OrleansNetOps.Telemetry.Storage;
using OrleansNetOps.Telemetry.Syslog;

namespace OrleansNetOps.Postgres.Tests.Telemetry;

public sealed class TelemetryReadModelTests(PostgresSchemaFixture fixture) : IClassFixture<PostgresSchemaFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static StoredSyslogMessage Log(string router, int second, SyslogSeverity severity, string text, string? app = "bgpd") =>
        new(T0.AddSeconds(second), T0.AddSeconds(second), router, "198.51.100.1", "udp",
            new SyslogMessage(SyslogFormat.Rfc5424, SyslogFacility.Local3, severity, T0.AddSeconds(second), router + ".example", app, "42", "ADJ",
                [new StructuredDataElement("peer@32473", [new StructuredDataParameter("addr", "192.0.2.1")])], text));

    [Fact]
    public async Task Syslog_messages_come_back_whole_filtered_and_newest_first()
    {
        await using var store = new PostgresSyslogStore(fixture.Database);
        var router = "R" + Guid.NewGuid().ToString("N")[..6];
        store.Add(Log(router, 1, SyslogSeverity.Warning, "neighbor 192.0.2.1 Down Hold Timer Expired"));
        store.Add(Log(router, 2, SyslogSeverity.Error, "neighbor 192.0.2.1 Down BGP Notification"));
        store.Add(Log(router, 3, SyslogSeverity.Informational, "neighbor 192.0.2.1 Up"));
        store.Add(Log("other", 4, SyslogSeverity.Error, "neighbor 192.0.2.1 Down"));

        var all = await store.QueryAsync(new SyslogQuery(router, null, null, null, null, 10));
        var severe = await store.QueryAsync(new SyslogQuery(router, null, null, SyslogSeverity.Warning, "DOWN", 10));
        var limited = await store.QueryAsync(new SyslogQuery(router, T0.AddSeconds(2), null, null, null, 1));

        Assert.Equal(["neighbor 192.0.2.1 Up", "neighbor 192.0.2.1 Down BGP Notification", "neighbor 192.0.2.1 Down Hold Timer Expired"], all.Select(m => m.Message.Message));
        var sent = Log(router, 3, SyslogSeverity.Informational, "neighbor 192.0.2.1 Up").Message;
        Assert.Equal(sent with { StructuredData = [] }, all[0].Message with { StructuredData = [] });
        var element = Assert.Single(all[0].Message.StructuredData);
        Assert.Equal(sent.StructuredData[0].Id, element.Id);
        Assert.Equal(sent.StructuredData[0].Parameters, element.Parameters);
        Assert.Equal(2, severe.Count);
        Assert.Equal("neighbor 192.0.2.1 Up", Assert.Single(limited).Message.Message);
    }

    [Fact]
    public async Task Traps_round_trip_and_old_ones_are_pruned()
    {
        await using var traps = new PostgresTelemetryLog<StoredTrap>(fixture.Database, "netops_traps", t => (t.Time, t.Router, t.Source), TimeSpan.FromDays(30));
        var router = "R" + Guid.NewGuid().ToString("N")[..6];
        var trap = new SnmpTrap(SnmpVersion.V2c, "public", 7, 4242, "1.3.6.1.6.3.1.1.5.3",
            [new SnmpVarBind("1.3.6.1.2.1.2.2.1.1.3", new SnmpValue(SnmpValueType.Integer, [3]))]);
        traps.Add(new StoredTrap(T0, router, "198.51.100.1", trap));
        traps.Add(new StoredTrap(T0.AddDays(-40), router, "198.51.100.1", trap));

        var before = await traps.QueryAsync(new TimeRangeQuery(router, null, null, 10));
        var pruned = await traps.PruneAsync(T0);
        var after = await traps.QueryAsync(new TimeRangeQuery(router, null, null, 10));

        Assert.Equal(2, before.Count);
        Assert.Equal(trap.TrapOid, before[0].Trap.TrapOid);
        Assert.Equal("linkDown", before[0].Trap.Name);
        Assert.Equal(trap.VarBinds[0].Value.Raw, before[0].Trap.VarBinds[0].Value.Raw);
        Assert.True(pruned >= 1);
        Assert.Equal(T0, Assert.Single(after).Time);
    }

    [Fact]
    public async Task Flow_volumes_of_one_router_received_by_two_silos_add_up()
    {
        var time = TimeProvider.System;
        await using var silo1 = new PostgresFlowStore(fixture.Database, time);
        await using var silo2 = new PostgresFlowStore(fixture.Database, time);
        var exporter = IPAddress.Parse("198.51.100." + Random.Shared.Next(2, 250));
        var router = "R" + Guid.NewGuid().ToString("N")[..6];
        FlowRecord Flow(string destination, ulong bytes) => new(exporter, IPAddress.Parse("192.0.2.10"), IPAddress.Parse(destination), 5000, 53, 17,
            bytes, 1, 1, 2, 64512, 13335, T0, T0.AddSeconds(1));

        silo1.Add(router, Flow("203.0.113.5", 1000), DateTimeOffset.UtcNow);
        silo2.Add(router, Flow("203.0.113.9", 500), DateTimeOffset.UtcNow);
        silo2.Add(router, Flow("198.51.100.77", 300), DateTimeOffset.UtcNow);

        // A query waits for its own silo's pending writes; the other silo's are flushed by querying there first.
        await silo2.TopAsync(router, FlowTopKey.Prefix, null, null, 10);
        var top = await silo1.TopAsync(router, FlowTopKey.Prefix, null, null, 10);

        Assert.Equal([("203.0.113.0/24", 1500UL, 2UL, 2L), ("198.51.100.0/24", 300UL, 1UL, 1L)], top.Select(e => (e.Key, e.Bytes, e.Packets, e.Flows)));
    }
}
