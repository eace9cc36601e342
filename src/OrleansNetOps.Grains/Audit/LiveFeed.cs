using Orleans.Streams;
using OrleansNetOps.Governance.Audit;
using OrleansNetOps.Grains.Events;

namespace OrleansNetOps.Grains.Audit;

/// <summary>How the decision grains record and tell: append to the audit trail, then publish the entry on the live feed.</summary>
internal static class LiveFeed
{
    public static Task PublishAsync(Grain grain, string domain, string kind, string id, DateTimeOffset at, string json) =>
        grain.GetStreamProvider(NetOpsStreams.Provider).GetStream<NetOpsEvent>(NetOpsStreams.Events(domain)).OnNextAsync(new NetOpsEvent(kind, id, at, json));

    public static async Task<AuditEntry> AuditAsync(Grain grain, IAuditTrail trail, string domain, AuditRecord record, DateTimeOffset at)
    {
        var entry = await trail.AppendAsync(record, at).ConfigureAwait(true);
        await PublishAsync(grain, domain, "audit", entry.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.At,
            AuditEntryJson.ToJson(entry).ToJsonString()).ConfigureAwait(true);
        return entry;
    }
}
