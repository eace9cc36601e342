using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Configuration;

namespace OrleansNetOps.Twin.Guardrails;

/// <summary>
/// Reads the twin's part of <c>guardrails.yaml</c> (<c>localPref</c>, <c>med</c>, <c>protectedCommunities</c>, <c>sla</c>),
/// reporting every problem at once with file, line, column and field. Other top-level sections (tiers, risk, rate
/// limits…) belong to governance and are left alone; unknown fields inside the twin's sections are errors.
/// </summary>
public static class GuardrailsLoader
{
    /// <summary>Parses guardrails YAML.</summary>
    /// <exception cref="ConfigException">The text is malformed or out of range.</exception>
    public static TwinGuardrails Parse(string yaml, string sourceName)
    {
        var diagnostics = new ConfigDiagnostics(sourceName);
        var root = YamlDocumentReader.ReadMapping(yaml, diagnostics, "localPref, med, protectedCommunities and sla");
        var top = new YamlSection(diagnostics, root, root, string.Empty);
        var defaults = TwinGuardrails.Default;

        var localPref = top.Section("localPref");
        var lpMin = (uint)localPref.Long("min", defaults.LocalPrefMin, 0, uint.MaxValue);
        var lpMax = (uint)localPref.Long("max", defaults.LocalPrefMax, 0, uint.MaxValue);
        if (lpMin > lpMax)
        {
            localPref.Report(localPref.Value("max") ?? localPref.Anchor, localPref.Child("max"), $"{lpMax} is below min {lpMin}");
        }

        localPref.Finish();

        var med = top.Section("med");
        var medMin = (uint)med.Long("min", defaults.MedMin, 0, uint.MaxValue);
        var medMax = (uint)med.Long("max", defaults.MedMax, 0, uint.MaxValue);
        if (medMin > medMax)
        {
            med.Report(med.Value("max") ?? med.Anchor, med.Child("max"), $"{medMax} is below min {medMin}");
        }

        med.Finish();

        var communities = new List<string>();
        foreach (var (text, node, path) in top.Strings("protectedCommunities") ?? [])
        {
            if (CommunityText.TryParse(text.Trim(), out var community))
            {
                communities.Add(community.ToString());
            }
            else
            {
                top.Report(node, path, $"'{text}' is not a community (AA:NN)");
            }
        }

        var sla = top.Section("sla");
        var latency = sla.Double("latencyMs", defaults.SlaLatencyMs, 0.001, 100_000);
        var loss = sla.Double("lossPct", defaults.SlaLossPct, 0, 100);
        var failLoss = sla.Double("failLossPct", defaults.FailLossPct, 0, 100);
        sla.Finish();
        diagnostics.ThrowIfAny();
        return new TwinGuardrails
        {
            LocalPrefMin = lpMin,
            LocalPrefMax = lpMax,
            MedMin = medMin,
            MedMax = medMax,
            ProtectedCommunities = top.Value("protectedCommunities") is null ? defaults.ProtectedCommunities : [.. communities],
            SlaLatencyMs = latency,
            SlaLossPct = loss,
            FailLossPct = failLoss,
        };
    }
}
