using System.Collections.Immutable;
using System.Net;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// Turns session transitions into <see cref="FindingKind.SessionDown"/> findings and, through RFC 2439 damping
/// (<see cref="DampingPenalty"/>), into one <see cref="FindingKind.SessionFlap"/> per suppression episode.
/// Stateless: the caller keeps each session's <see cref="SessionHistory"/> (a peer grain persists it).
/// </summary>
public sealed class SessionFlapDetector
{
    // Reasons that mean someone meant it: FRR's syslog wording, RFC 4486 Cease subcodes, BMP reason 5.
    private static readonly string[] PlannedReasons =
    [
        "Admin. shutdown", "Administrative Shutdown", "Administrative Reset", "User reset", "Peer De-configured", "peer de-configured",
    ];

    private readonly DampingParameters _parameters;
    private readonly NetworkTopology? _topology;

    /// <summary>Creates a detector.</summary>
    /// <param name="parameters">Damping parameters; <see cref="DampingParameters.Default"/> when null.</param>
    /// <param name="topology">Used to name neighbours (e.g. <c>ISP-A</c>) in summaries; optional.</param>
    public SessionFlapDetector(DampingParameters? parameters = null, NetworkTopology? topology = null)
    {
        _parameters = (parameters ?? DampingParameters.Default).Validate();
        _topology = topology;
    }

    /// <summary>The damping parameters in use.</summary>
    public DampingParameters Parameters => _parameters;

    /// <summary>Applies one change to a session's history.</summary>
    /// <param name="history">The session's history so far; null for a session never seen.</param>
    /// <param name="change">The change.</param>
    /// <exception cref="ArgumentException">The change belongs to another session than <paramref name="history"/>.</exception>
    public SessionStep Observe(SessionHistory? history, SessionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        history ??= new SessionHistory(change.Router, change.Neighbor);
        if (history.Router != change.Router || history.Neighbor != change.Neighbor)
        {
            throw new ArgumentException(
                $"change for session {change.Router}|{change.Neighbor} applied to the history of {history.Router}|{history.Neighbor}", nameof(change));
        }

        var wasUp = history.State == SessionState.Established || change.From == SessionState.Established;
        if (change.To == SessionState.Established)
        {
            var penalty = history.Penalty.DecayTo(change.At, _parameters);
            return new SessionStep(history with { State = change.To, LastUpAt = change.At, Penalty = penalty }, []);
        }

        if (!wasUp)
        {
            // FRR repeats a Peer Down every connect retry while a peer stays down; only leaving Established is a flap.
            return new SessionStep(history with { State = change.To }, []);
        }

        var before = history.Penalty.DecayTo(change.At, _parameters);
        var after = history.Penalty.Flap(change.At, _parameters);
        var next = history with
        {
            State = change.To,
            Penalty = after,
            FlapCount = history.FlapCount + 1,
            LastDownAt = change.At,
            LastDownReason = change.Reason,
        };
        var findings = ImmutableArray.CreateBuilder<Finding>(2);
        findings.Add(Down(change, next));
        if (after.Suppressed && !before.Suppressed)
        {
            findings.Add(Flapping(change, next));
        }

        return new SessionStep(next, findings.ToImmutable());
    }

    /// <summary>Whether a reason says an operator took the session down on purpose.</summary>
    public static bool IsPlanned(string? reason) =>
        reason is not null && PlannedReasons.Any(r => reason.Contains(r, StringComparison.OrdinalIgnoreCase));

    private Finding Down(SessionChange change, SessionHistory history)
    {
        var reason = change.Reason ?? "no reason given";
        var planned = IsPlanned(change.Reason);
        var evidence = DetectorFindings.Evidence(
            change.At,
            change.Source,
            $"Peer Down from {change.Neighbor}: {reason}",
            ("neighbor", change.Neighbor),
            ("reason", reason),
            ("from", change.From.ToString()),
            ("to", change.To.ToString()),
            ("planned", planned ? "true" : "false"),
            ("flapCount", history.FlapCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("penalty", DetectorFindings.Number(history.Penalty.Value)));
        return DetectorFindings.Create(
            FindingKind.SessionDown,
            Subjects.Session(change.Router, change.Neighbor),
            change.At,
            change.Router,
            1,
            $"{change.Router} lost its BGP session with {Name(change.Neighbor)}: {reason}",
            evidence);
    }

    private Finding Flapping(SessionChange change, SessionHistory history)
    {
        var penalty = history.Penalty;
        var reuseAt = penalty.ReuseAt(_parameters) ?? change.At;
        // 0.5 at the suppress limit, 1 at the ceiling: how far past "flapping" the session is.
        var score = 0.5 + (0.5 * (penalty.Value - _parameters.SuppressLimit) / (_parameters.MaxPenalty - _parameters.SuppressLimit));
        var evidence = DetectorFindings.Evidence(
            change.At,
            change.Source,
            $"damping penalty {penalty.Value:0} above the suppress limit {_parameters.SuppressLimit:0} after {history.FlapCount} flaps; reusable at {DetectorFindings.Time(reuseAt)} if it stays up",
            ("neighbor", change.Neighbor),
            ("penalty", DetectorFindings.Number(penalty.Value)),
            ("suppressLimit", DetectorFindings.Number(_parameters.SuppressLimit)),
            ("reuseLimit", DetectorFindings.Number(_parameters.ReuseLimit)),
            ("halfLifeSeconds", DetectorFindings.Number(_parameters.HalfLife.TotalSeconds)),
            ("flapCount", history.FlapCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("reuseAt", DetectorFindings.Time(reuseAt)));
        return DetectorFindings.Create(
            FindingKind.SessionFlap,
            Subjects.Session(change.Router, change.Neighbor),
            change.At,
            change.Router,
            score,
            $"BGP session {change.Router} – {Name(change.Neighbor)} is flapping: {history.FlapCount} flaps, penalty {penalty.Value:0}",
            evidence);
    }

    private string Name(string neighbor) =>
        _topology is not null && IPAddress.TryParse(neighbor, out var address) && _topology.NodeWithAddress(address) is { } node
            ? $"{neighbor} ({node})"
            : neighbor;
}
