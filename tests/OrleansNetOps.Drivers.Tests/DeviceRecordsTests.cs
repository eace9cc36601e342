using System.Text.Json;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Drivers.Frr;

namespace OrleansNetOps.Drivers.Tests;

public sealed class DeviceRecordsTests
{
    [Fact]
    public void Results_survive_a_JSON_round_trip_as_grain_state_does()
    {
        var snapshot = SeedNetwork.Snapshot("R1");
        var action = new DeviceAction("a-9", "R1", "PREFIX_FILTER", new ActionParameters { Peer = "ISP-A", Prefixes = ["8.8.8.0/24"] });
        var change = FrrChangeRenderer.Render(action, snapshot, SeedNetwork.NeighborNames("R1"), "frr");
        var apply = new ApplyResult("R1", change.Commands, "ok", true, DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(12));
        var readBack = new ReadBack("R1", snapshot.Id, change.Expectations, [], DateTimeOffset.UnixEpoch);
        var result = new ExecutionResult(change, change.Expectations, apply, readBack);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var copy = JsonSerializer.Deserialize<ExecutionResult>(JsonSerializer.Serialize(result, options), options)!;
        var snapshotCopy = JsonSerializer.Deserialize<DeviceSnapshot>(JsonSerializer.Serialize(snapshot, options), options)!;

        Assert.Equal<string>(change.Commands, copy.Change.Commands);
        Assert.Equal<DeviceExpectation>(change.Expectations, copy.Change.Expectations);
        Assert.Equal<string>(action.Parameters.Prefixes!.Value, copy.Change.Action.Parameters.Prefixes!.Value);
        Assert.True(copy.ReadBack.Confirmed);
        Assert.Equal(snapshot with { Fields = snapshotCopy.Fields }, snapshotCopy);
        Assert.Equal(DeviceSnapshot.IdOf(snapshotCopy.Text), snapshotCopy.Id);
    }

    [Fact]
    public void A_snapshot_id_is_the_content_address_of_its_text()
    {
        var a = DeviceSnapshot.Of("R1", "frr", DateTimeOffset.UnixEpoch, "hostname r1\n");
        var b = DeviceSnapshot.Of("R1", "frr", DateTimeOffset.UnixEpoch.AddDays(1), "hostname r1\n");

        Assert.Equal(a.Id, b.Id);
        Assert.Matches("^sha256:[0-9a-f]{64}$", a.Id);
        Assert.NotEqual(a.Id, DeviceSnapshot.IdOf("hostname r2\n"));
    }
}
