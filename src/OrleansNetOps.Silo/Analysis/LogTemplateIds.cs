using OrleansNetOps.Grains.Analysis;
using OrleansNetOps.Telemetry.Syslog;

namespace OrleansNetOps.Silo.Analysis;

/// <summary>The <c>templateId</c> of stored syslog messages: the template each fits now in its router's analyst.</summary>
internal sealed class LogTemplateIds(IGrainFactory grains)
{
    /// <summary>For each message, in order, its template id or null.</summary>
    public async Task<string?[]> ForAsync(IReadOnlyList<StoredSyslogMessage> messages)
    {
        var ids = new string?[messages.Count];
        foreach (var router in messages.Select((m, i) => (m.Router, i)).GroupBy(p => p.Router, StringComparer.Ordinal))
        {
            var indexes = router.Select(p => p.i).ToArray();
            var found = await grains.GetGrain<IRouterAnalystGrain>(router.Key).ClassifyAsync([.. indexes.Select(i => messages[i].Message.Message)]);
            for (var k = 0; k < indexes.Length; k++)
            {
                ids[indexes[k]] = found[k];
            }
        }

        return ids;
    }
}
