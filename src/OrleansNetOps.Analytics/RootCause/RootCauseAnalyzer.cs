using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Analytics.RootCause;

/// <summary>
/// Ranks the causes that could explain a set of findings on the topology graph. Each candidate cause (a link, a
/// session, a router, an ISP, a prefix's origin; down or degraded) is scored by
/// <c>prior · coverage · (0.3 + 0.7 · recall)</c>: coverage is the share of the symptoms' weight it explains, recall the
/// share of the symptoms it must produce that were actually seen. A router that died would have taken all its sessions
/// with it; if only one went down, the router explains everything and is still a poor answer.
/// </summary>
public sealed class RootCauseAnalyzer
{
    private const int MaxEvidencePerCause = 20;
    private readonly FaultModel _model;

    /// <summary>Creates an analyzer for a topology.</summary>
    public RootCauseAnalyzer(NetworkTopology topology)
    {
        Graph = new NetworkGraph(topology);
        _model = new FaultModel(Graph);
    }

    /// <summary>The topology graph.</summary>
    public NetworkGraph Graph { get; }

    /// <summary>A finding read as a symptom: class, place on the topology, weight.</summary>
    public Symptom Read(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return SymptomReader.Read(finding, Graph);
    }

    /// <summary>The causes a finding on its own suggests (what it could be a symptom of).</summary>
    public IEnumerable<CauseHypothesis> Suggest(Finding finding) => _model.Suggest(Read(finding));

    /// <summary>How strongly a cause explains a finding, in [0, 1].</summary>
    public double Strength(CauseHypothesis cause, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return _model.Strength(cause, Read(finding));
    }

    /// <summary>The causes of <paramref name="findings"/>, most likely first (repeated observations count once).</summary>
    /// <param name="findings">The findings to explain.</param>
    /// <param name="limit">How many causes to return.</param>
    public ImmutableArray<RankedCause> Rank(IEnumerable<Finding> findings, int limit = 5)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var symptoms = findings.DistinctBy(f => f.DedupKey).Select(Read).ToList();
        var total = symptoms.Sum(s => s.Weight);
        if (symptoms.Count == 0 || total <= 0)
        {
            return [];
        }

        var ranked = new List<RankedCause>();
        foreach (var cause in symptoms.SelectMany(_model.Suggest).Distinct())
        {
            var strengths = symptoms.Select(s => (Symptom: s, Strength: _model.Strength(cause, s))).Where(x => x.Strength > 0).ToList();
            if (strengths.Count == 0)
            {
                continue;
            }

            var coverage = strengths.Sum(x => x.Symptom.Weight * x.Strength) / total;
            var expected = _model.Expect(cause);
            var seen = expected.Where(e => symptoms.Any(e.MetBy)).ToList();
            var missing = expected.Except(seen).ToList();
            var recall = expected.Count == 0 ? 1 : seen.Sum(e => e.Weight) / expected.Sum(e => e.Weight);
            var confidence = FaultModel.Prior(cause) * coverage * (0.3 + (0.7 * recall));
            ranked.Add(new RankedCause(
                cause,
                new CandidateCause(cause.Subject, Math.Round(confidence, 4), Explain(cause, strengths.Count, symptoms.Count, seen, missing))
                {
                    Evidence = [.. strengths
                        .OrderByDescending(x => x.Strength * x.Symptom.Weight)
                        .SelectMany(x => x.Symptom.Finding.Evidence)
                        .Take(MaxEvidencePerCause)
                        .OrderBy(e => e.At)],
                },
                [.. strengths.Select(x => x.Symptom.Finding.Id)],
                [.. missing.Select(e => e.Description)]));
        }

        return [.. ranked
            .OrderByDescending(r => r.Confidence)
            .ThenByDescending(r => FaultModel.Prior(r.Hypothesis))
            .ThenBy(r => r.Hypothesis.Subject.ToString(), StringComparer.Ordinal)
            .ThenBy(r => r.Hypothesis.Mode)
            .Take(limit)];
    }

    private static string Explain(CauseHypothesis cause, int explained, int symptoms, List<Expectation> seen, List<Expectation> missing)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{cause.Describe()}: explains {explained} of {symptoms} findings");
        if (seen.Count > 0)
        {
            text += "; expected and seen: " + string.Join(", ", seen.Select(e => e.Description));
        }

        if (missing.Count > 0)
        {
            text += "; expected but not seen: " + string.Join(", ", missing.Select(e => e.Description));
        }

        return text;
    }
}
