using System.Diagnostics;
using System.Globalization;
using System.Net;
using OrleansNetOps.Lab.Frr;
using OrleansNetOps.Twin.Recordings;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Lab.Scenarios;

/// <summary>
/// Plays a <see cref="ScenarioRecording"/> on a running lab: each event no earlier than its time, as the lab changes
/// that make it happen — a link down is both veths down (the sessions die at the lab's hold time), a link down with a
/// hold time of 0 is a session shut (a NOTIFICATION, noticed at once), a router down is all its links down, an ISP's
/// announcement or withdrawal is its <c>network</c> statement and outbound policy, and session actions shut or
/// enable the session. Policy actions are not played: the lab applies policies with <c>change policy</c>.
/// </summary>
/// <param name="lab">The lab, up.</param>
public sealed class RecordingPlayer(FrrLab lab)
{
    private readonly HashSet<(string, string)> _shut = [];

    /// <summary>Plays every event; <paramref name="afterEvent"/> runs after each (e.g. to wait for convergence and look).</summary>
    /// <exception cref="ArgumentException">The recording was made on another topology.</exception>
    /// <exception cref="NotSupportedException">An event the lab cannot play (named).</exception>
    public async Task PlayAsync(ScenarioRecording recording, Func<int, CancellationToken, Task>? afterEvent = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        if (recording.Topology != lab.Layout.Topology.Name)
        {
            throw new ArgumentException($"recording '{recording.Name}' was made on topology '{recording.Topology}'; the lab runs '{lab.Layout.Topology.Name}'", nameof(recording));
        }

        // Translate everything first: an event the lab cannot play fails before anything changed.
        var plan = recording.Events.Select(e => e.Changes.SelectMany(Translate).ToList()).ToList();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < recording.Events.Count; i++)
        {
            var wait = TimeSpan.FromSeconds(recording.Events[i].AtSeconds) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            foreach (var change in plan[i])
            {
                await lab.ApplyAsync(change, cancellationToken).ConfigureAwait(false);
            }

            if (afterEvent is not null)
            {
                await afterEvent(i, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The lab changes that make <paramref name="change"/> happen.</summary>
    /// <exception cref="NotSupportedException">The lab cannot play it.</exception>
    public IReadOnlyList<LabChange> Translate(TwinChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var topology = lab.Layout.Topology;
        switch (change)
        {
            case LinkStateChange link:
                var (a, b) = Ends(link.A, link.B);
                if (link.Up)
                {
                    return _shut.Remove((a, b)) ? [new SetSessionEnabled(a, b, true)] : [new SetLinkState(a, b, true)];
                }

                if (link.HoldTimeMs == 0)
                {
                    _shut.Add((a, b));
                    return [new SetSessionEnabled(a, b, false)];
                }

                CheckHoldTime(link.HoldTimeMs, change);
                return [new SetLinkState(a, b, false)];

            case RouterDown down:
                CheckHoldTime(down.HoldTimeMs, change);
                return [.. topology.LinksOf(down.Router).Select(l => new SetLinkState(l.A, l.B, false))];

            case PrefixWithdrawal withdrawal:
                return [new WithdrawPrefix(withdrawal.Node, withdrawal.Prefix)];

            case PrefixAnnouncement announcement:
                return [new AdvertisePrefix(announcement.Node, announcement.Prefix, announcement.AsPath, announcement.Med,
                    [.. announcement.Communities.Select(c => c.ToString())])];

            case CatalogueChange { Action: "PEER_DEACTIVATE" or "DEPEER" or "PEER_ACTIVATE" } session when session.Parameters.Peer is { } peer:
                var (router, neighbour) = Ends(session.Router, peer.Trim());
                return [new SetSessionEnabled(router, neighbour, session.Action == "PEER_ACTIVATE")];

            default:
                throw new NotSupportedException($"the lab cannot play '{change.Describe()}': it plays network events and session actions (policies: use 'change policy')");
        }
    }

    private static void CheckHoldTime(double? holdTimeMs, TwinChange change)
    {
        if (holdTimeMs is { } hold && Math.Abs(hold - (BgpdConfigWriter.HoldTimeSeconds * 1000.0)) > 0.5)
        {
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                $"the lab cannot play '{change.Describe()}': its routers' hold time is {BgpdConfigWriter.HoldTimeSeconds} s"));
        }
    }

    // A link by its ends (the far end as id or session address) or, with b empty, by its name.
    private (string A, string B) Ends(string a, string b)
    {
        var topology = lab.Layout.Topology;
        if (b.Length == 0)
        {
            var named = topology.Links.FirstOrDefault(l => l.Name == a) ?? throw new ArgumentException($"there is no link '{a}' in topology '{topology.Name}'");
            return (named.A, named.B);
        }

        if (IPAddress.TryParse(b, out var address))
        {
            b = lab.Layout.NodeWithAddress(address)?.Id ?? throw new ArgumentException($"no node of the lab has the address {b}");
        }

        return (a, b);
    }
}
