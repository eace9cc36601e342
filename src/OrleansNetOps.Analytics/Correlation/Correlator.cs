using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.RootCause;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Analytics.Correlation;

/// <summary>
/// Groups findings into incident candidates by their likely common cause, so one fault is one candidate however many
/// signals it sets off:
/// <list type="bullet">
/// <item>a finding seen again (same kind and subject) folds into the candidate holding it, and a replayed finding id is ignored;</item>
/// <item>otherwise it joins the open candidate whose top cause, re-ranked with it on the topology
/// (<see cref="RootCauseAnalyzer"/>), explains it and everything already in the candidate without losing much
/// confidence — a Peer Down, a linkDown trap on the same link, the hold-timer syslog and probe loss through that ISP
/// all rank "link down" first together;</item>
/// <item>or it opens a new candidate; two candidates that turn out to share one cause are merged;</item>
/// <item>consequences the top cause explains (loss, latency, churn, logs behind a session or link that went down) are
/// inhibited: kept as evidence, not counted for severity;</item>
/// <item>a session suppressed for flapping holds its candidate open until the damping reuse time, so every flap lands in
/// the one candidate instead of opening a new one each time.</item>
/// </list>
/// Pure: time comes from the findings and <see cref="Advance"/>; the state is plain data (<see cref="State"/>).
/// </summary>
public sealed class Correlator
{
    private const int KeptFirstEvidence = 10;
    private static readonly SymptomClass[] Consequences = [SymptomClass.PathDegradation, SymptomClass.Churn, SymptomClass.RouterHealth, SymptomClass.Log, SymptomClass.Alert];
    private readonly RootCauseAnalyzer _analyzer;
    private readonly CorrelationOptions _options;
    private readonly List<IncidentCandidate> _open = [];
    private readonly BoundedSet<string> _seen;

    // Caches over the open candidates, rebuilt on demand after a restart: each finding read as a symptom, and the
    // causes each candidate's findings suggest (with the finding count they were computed for).
    private readonly Dictionary<string, Symptom> _symptoms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Findings, HashSet<CauseHypothesis> Causes)> _suggested = new(StringComparer.Ordinal);

    /// <summary>Creates a correlator, optionally carrying on from a persisted state.</summary>
    public Correlator(NetworkTopology topology, CorrelationOptions? options = null, CorrelatorState? state = null)
    {
        _analyzer = new RootCauseAnalyzer(topology);
        _options = (options ?? CorrelationOptions.Default).Validate();
        _seen = new(_options.RememberedFindingIds);
        foreach (var id in state?.RecentFindingIds ?? [])
        {
            _seen.Add(id);
        }

        _open.AddRange(state?.Open ?? []);
    }

    /// <summary>Open candidates, oldest first.</summary>
    public ImmutableArray<IncidentCandidate> Open => [.. _open];

    /// <summary>The state to persist.</summary>
    public CorrelatorState State => new([.. _open], [.. _seen.Members]);

    /// <summary>Takes one finding.</summary>
    public CorrelationUpdate Observe(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (!_seen.Add(finding.Id))
        {
            return CorrelationUpdate.None;
        }

        var closed = CloseUpTo(finding.At);
        var holder = _open.FindIndex(c => c.Occurrences.ContainsKey(finding.DedupKey));
        if (holder >= 0)
        {
            _open[holder] = Fold(_open[holder], finding);
            return new CorrelationUpdate([], [], [_open[holder]], closed);
        }

        var (target, ranking) = BestCandidate(finding);
        if (target < 0)
        {
            var opened = Build(Id(finding), finding.At, [finding], ImmutableSortedDictionary<string, int>.Empty.Add(finding.DedupKey, 1), finding.Evidence, _analyzer.Rank([SymptomOf(finding)], _options.Alternatives + 1), finding.At);
            _open.Add(opened);
            closed = closed.AddRange(Shed());
            return new CorrelationUpdate([opened], [], [], closed);
        }

        var current = _open[target];
        var updated = Build(
            current.Id,
            current.OpenedAt,
            current.Findings.Add(finding),
            current.Occurrences.Add(finding.DedupKey, 1),
            current.Evidence.AddRange(finding.Evidence),
            ranking,
            Later(current.UpdatedAt, finding.At),
            current.HoldUntil);
        _open[target] = updated;
        var (survivor, merged) = Merge(updated, ranking[0].Hypothesis);
        return new CorrelationUpdate([], [survivor], [], closed.AddRange(merged));
    }

    /// <summary>Closes every candidate whose window ended by <paramref name="now"/>.</summary>
    public ImmutableArray<IncidentCandidate> Advance(DateTimeOffset now) => CloseUpTo(now);

    private ImmutableArray<IncidentCandidate> CloseUpTo(DateTimeOffset now)
    {
        var closing = _open.Where(c => c.HoldUntil <= now).ToList();
        foreach (var candidate in closing)
        {
            Remove(candidate.Id);
        }

        return [.. closing.Select(c => c with { ClosedAt = c.HoldUntil })];
    }

    private IEnumerable<IncidentCandidate> Shed()
    {
        while (_open.Count > _options.MaxOpenCandidates)
        {
            var first = _open.MinBy(c => c.HoldUntil)!;
            Remove(first.Id);
            yield return first with { ClosedAt = first.UpdatedAt };
        }
    }

    // The open candidate whose re-ranked top cause explains the finding best without losing much of its confidence.
    private (int Index, ImmutableArray<RankedCause> Ranking) BestCandidate(Finding finding)
    {
        var symptom = SymptomOf(finding);
        var suggested = _analyzer.Suggest(symptom).ToHashSet();
        var best = (Index: -1, Ranking: ImmutableArray<RankedCause>.Empty);
        for (var i = 0; i < _open.Count; i++)
        {
            var candidate = _open[i];
            if (candidate.Findings.Length >= _options.MaxFindingsPerCandidate || !SuggestedBy(candidate).Overlaps(suggested))
            {
                continue;
            }

            var symptoms = SymptomsOf(candidate.Findings);
            var ranking = _analyzer.Rank([.. symptoms, symptom], _options.Alternatives + 1);
            var top = ranking[0];
            if (_analyzer.Strength(top.Hypothesis, symptom) <= 0
                || !symptoms.All(s => _analyzer.Strength(top.Hypothesis, s) > 0)
                || top.Confidence < _options.MinimumJoinConfidence
                || top.Confidence < candidate.TopCause.Confidence - _options.JoinTolerance
                || (best.Index >= 0 && top.Confidence <= best.Ranking[0].Confidence))
            {
                continue;
            }

            best = (i, ranking);
        }

        return best;
    }

    private HashSet<CauseHypothesis> SuggestedBy(IncidentCandidate candidate)
    {
        if (!_suggested.TryGetValue(candidate.Id, out var cached) || cached.Findings != candidate.Findings.Length)
        {
            cached = (candidate.Findings.Length, SymptomsOf(candidate.Findings).SelectMany(_analyzer.Suggest).ToHashSet());
            _suggested[candidate.Id] = cached;
        }

        return cached.Causes;
    }

    // After a candidate changed, any other candidate its new top cause fully explains, at no real loss of confidence, is the same incident.
    private (IncidentCandidate Survivor, ImmutableArray<IncidentCandidate> Merged) Merge(IncidentCandidate updated, CauseHypothesis cause)
    {
        var survivor = updated;
        var merged = ImmutableArray.CreateBuilder<IncidentCandidate>();
        foreach (var other in _open.Where(c => c.Id != updated.Id).ToList())
        {
            if (!SymptomsOf(other.Findings).All(s => _analyzer.Strength(cause, s) > 0)
                || survivor.Findings.Length + other.Findings.Length > _options.MaxFindingsPerCandidate)
            {
                continue;
            }

            var findings = survivor.Findings.AddRange(other.Findings).Sort((a, b) => a.At.CompareTo(b.At));
            var ranking = _analyzer.Rank(SymptomsOf(findings), _options.Alternatives + 1);
            if (ranking[0].Hypothesis != cause || ranking[0].Confidence < survivor.TopCause.Confidence - _options.JoinTolerance)
            {
                continue;
            }

            var (keep, gone) = other.OpenedAt < survivor.OpenedAt ? (other, survivor) : (survivor, other);
            var occurrences = keep.Occurrences.SetItems(gone.Occurrences.Select(o => KeyValuePair.Create(o.Key, o.Value + keep.Occurrences.GetValueOrDefault(o.Key))));
            survivor = Build(keep.Id, keep.OpenedAt, findings, occurrences, keep.Evidence.AddRange(gone.Evidence), ranking, Later(keep.UpdatedAt, gone.UpdatedAt), Later(keep.HoldUntil, gone.HoldUntil));
            _open.RemoveAll(c => c.Id == gone.Id);
            _suggested.Remove(gone.Id);
            _open[_open.FindIndex(c => c.Id == keep.Id)] = survivor;
            cause = ranking[0].Hypothesis;
            merged.Add(gone with { ClosedAt = survivor.UpdatedAt, MergedInto = keep.Id });
        }

        return (survivor, merged.ToImmutable());
    }

    private void Remove(string id)
    {
        foreach (var candidate in _open.Where(c => c.Id == id))
        {
            foreach (var finding in candidate.Findings)
            {
                _symptoms.Remove(finding.Id);
            }
        }

        _open.RemoveAll(c => c.Id == id);
        _suggested.Remove(id);
    }

    private Symptom SymptomOf(Finding finding)
    {
        if (!_symptoms.TryGetValue(finding.Id, out var symptom))
        {
            symptom = _analyzer.Read(finding);
            _symptoms[finding.Id] = symptom;
        }

        return symptom;
    }

    private List<Symptom> SymptomsOf(IEnumerable<Finding> findings) => [.. findings.Select(SymptomOf)];

    private IncidentCandidate Fold(IncidentCandidate candidate, Finding finding) =>
        candidate with
        {
            UpdatedAt = Later(candidate.UpdatedAt, finding.At),
            HoldUntil = Later(candidate.HoldUntil, Hold(finding)),
            Occurrences = candidate.Occurrences.SetItem(finding.DedupKey, candidate.Occurrences[finding.DedupKey] + 1),
            Evidence = Timeline(candidate.Evidence.AddRange(finding.Evidence)),
        };

    private IncidentCandidate Build(
        string id,
        DateTimeOffset openedAt,
        ImmutableArray<Finding> findings,
        ImmutableSortedDictionary<string, int> occurrences,
        ImmutableArray<Evidence> evidence,
        ImmutableArray<RankedCause> ranking,
        DateTimeOffset updatedAt,
        DateTimeOffset? holdUntil = null)
    {
        var top = ranking[0];
        var symptoms = SymptomsOf(findings);
        var downs = top.Hypothesis.Mode == FaultMode.Down
            && symptoms.Any(s => s.Class is SymptomClass.SessionLoss or SymptomClass.InterfaceDown && _analyzer.Strength(top.Hypothesis, s) > 0);
        var inhibited = downs
            ? symptoms.Where(s => Consequences.Contains(s.Class) && _analyzer.Strength(top.Hypothesis, s) > 0).Select(s => s.Finding.Id).ToImmutableArray()
            : [];
        var cause = top.Cause with { Evidence = [] };
        var hold = findings.Select(Hold).Append(holdUntil ?? openedAt).Max();
        return new IncidentCandidate
        {
            Id = id,
            OpenedAt = openedAt,
            UpdatedAt = updatedAt,
            HoldUntil = hold,
            Severity = CandidateSeverity.Of(symptoms.Where(s => !inhibited.Contains(s.Finding.Id)), top),
            Title = char.ToUpperInvariant(top.Hypothesis.Describe()[0]) + top.Hypothesis.Describe()[1..],
            Routers = [.. symptoms.SelectMany(s => new[] { s.Finding.Router, s.Location.Router }).OfType<string>().Where(_analyzer.Graph.IsRouter).Distinct().Order(StringComparer.Ordinal)],
            Findings = [.. findings.OrderBy(f => f.At).Select(f => f with { CandidateCause = cause })],
            Occurrences = occurrences,
            Inhibited = inhibited,
            TopCause = top.Cause,
            AlternativeCauses = [.. ranking.Skip(1).Select(r => r.Cause)],
            Evidence = Timeline(evidence),
        };
    }

    // A flapping session keeps its candidate open until its damping penalty allows reuse.
    private DateTimeOffset Hold(Finding finding)
    {
        var hold = finding.At + _options.Window;
        if (finding.Kind == FindingKind.SessionFlap)
        {
            foreach (var evidence in finding.Evidence)
            {
                if (evidence.Data.TryGetValue("reuseAt", out var text)
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reuse))
                {
                    hold = Later(hold, reuse);
                }
            }
        }

        return hold;
    }

    // Oldest first; when too long, the first entries (how it started) and the latest ones.
    private ImmutableArray<Evidence> Timeline(ImmutableArray<Evidence> evidence)
    {
        var ordered = evidence.Distinct().OrderBy(e => e.At).ToList();
        var limit = _options.MaxEvidencePerCandidate;
        if (ordered.Count <= limit)
        {
            return [.. ordered];
        }

        var first = Math.Min(KeptFirstEvidence, limit / 2);
        return [.. ordered.Take(first), .. ordered.Skip(ordered.Count - (limit - first))];
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Id(Finding first)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(first.Id));
        return "c-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
