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

    /// <summary>The causes a symptom suggests.</summary>
    public IEnumerable<CauseHypothesis> Suggest(Symptom symptom) => _model.Suggest(symptom);

    /// <summary>How strongly a cause explains a finding, in [0, 1].</summary>
    public double Strength(CauseHypothesis cause, Finding finding) => Strength(cause, Read(finding));

    /// <summary>How strongly a cause explains a symptom, in [0, 1].</summary>
    public double Strength(CauseHypothesis cause, Symptom symptom)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(symptom);
        return _model.Strength(cause, symptom);
    }

    /// <summary>The causes of <paramref name="findings"/>, most likely first (repeated observations count once).</summary>
    /// <param name="findings">The findings to explain.</param>
    /// <param name="limit">How many causes to return.</param>
    public ImmutableArray<RankedCause> Rank(IEnumerable<Finding> findings, int limit = 5)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return Rank([.. findings.DistinctBy(f => f.DedupKey).Select(Read)], limit);
    }

    /// <summary>The causes of symptoms already read (one per deduplication key), most likely first.</summary>
    public ImmutableArray<RankedCause> Rank(IReadOnlyList<Symptom> symptoms, int limit = 5)
    {
        ArgumentNullException.ThrowIfNull(symptoms);
        var total = symptoms.Sum(s => s.Weight);
        if (symptoms.Count == 0 || total <= 0)
        {
            return [];
        }

        var scored = new List<Scored>();
        foreach (var cause in symptoms.SelectMany(_model.Suggest).Distinct())
        {
            var explained = 0.0;
            foreach (var symptom in symptoms)
            {
                explained += symptom.Weight * _model.Strength(cause, symptom);
            }

            if (explained <= 0)
            {
                continue;
            }

            var expected = _model.Expect(cause);
            var seen = expected.Where(e => symptoms.Any(e.MetBy)).ToList();
            var recall = expected.Count == 0 ? 1 : seen.Sum(e => e.Weight) / expected.Sum(e => e.Weight);
            var belief = cause.Mode == FaultMode.Degraded ? Corroborated(cause, symptoms) : FaultModel.Prior(cause);
            var confidence = Math.Round(belief * (explained / total) * (0.3 + (0.7 * recall)), 4);
            scored.Add(new Scored(cause, confidence, expected, seen));
        }

        // Explanations and evidence only for the causes returned: a leak over two hundred prefixes suggests two hundred.
        return [.. scored
            .OrderByDescending(s => s.Confidence)
            .ThenByDescending(s => FaultModel.Prior(s.Cause))
            .ThenBy(s => s.Cause.Subject.ToString(), StringComparer.Ordinal)
            .ThenBy(s => s.Cause.Mode)
            .Take(limit)
            .Select(s => Describe(s, symptoms))];
    }

    /// <summary>
    /// How far independent measurements that each point at a degraded object lift it above its prior. A degraded
    /// object has no symptom it must produce (so recall cannot reward seeing more of them); instead each measured
    /// series (a finding subject: the utilisation of a link, the probes through an ISP) is an independent witness
    /// that alone supports the cause with prior × how strongly the cause explains that witness's symptoms, and the
    /// witnesses combine noisy-OR: <c>1 − Π (1 − prior · s)</c>. Two readings of one series (a threshold breach and a
    /// forecast of the same utilisation) are one witness, so a single series gives exactly the prior.
    /// </summary>
    private double Corroborated(CauseHypothesis cause, IReadOnlyList<Symptom> symptoms)
    {
        var prior = FaultModel.Prior(cause);
        var doubt = 1.0;
        foreach (var witness in symptoms.GroupBy(s => s.Finding.Subject))
        {
            var weight = witness.Sum(s => s.Weight);
            var strength = weight <= 0 ? 0 : witness.Sum(s => s.Weight * _model.Strength(cause, s)) / weight;
            doubt *= 1 - (prior * strength);
        }

        return 1 - doubt;
    }

    private RankedCause Describe(Scored scored, IReadOnlyList<Symptom> symptoms)
    {
        var strengths = symptoms.Select(s => (Symptom: s, Strength: _model.Strength(scored.Cause, s))).Where(x => x.Strength > 0).ToList();
        var missing = scored.Expected.Except(scored.Seen).ToList();
        return new RankedCause(
            scored.Cause,
            new CandidateCause(scored.Cause.Subject, scored.Confidence, Explain(scored.Cause, strengths.Count, symptoms.Count, scored.Seen, missing))
            {
                Evidence = [.. strengths
                    .OrderByDescending(x => x.Strength * x.Symptom.Weight)
                    .SelectMany(x => x.Symptom.Finding.Evidence)
                    .Take(MaxEvidencePerCause)
                    .OrderBy(e => e.At)],
            },
            [.. strengths.Select(x => x.Symptom.Finding.Id)],
            [.. missing.Select(e => e.Description)]);
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

    private sealed record Scored(CauseHypothesis Cause, double Confidence, IReadOnlyList<Expectation> Expected, List<Expectation> Seen);
}
