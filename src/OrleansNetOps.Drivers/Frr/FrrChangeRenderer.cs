using System.Collections.Immutable;
using OrleansNetOps.Bgp.Policy;

namespace OrleansNetOps.Drivers.Frr;

/// <summary>
/// Renders a catalogue action for one FRR router exactly as the twin models it: the router's configuration is read
/// into the twin's policy model, the twin's own <see cref="PolicyEdit"/> edits it, and the difference becomes vtysh
/// lines. So the route-maps, prefix-lists and names on the router are the ones the twin simulated.
/// </summary>
public static class FrrChangeRenderer
{
    /// <summary>The command that makes bgpd re-run every policy over every route without resetting sessions.</summary>
    public const string SoftClearAll = "clear bgp * soft";

    /// <summary>Renders <paramref name="action"/> against <paramref name="baseline"/>.</summary>
    /// <param name="action">The action; <see cref="ActionParameters.Peer"/> may be a topology id, an address or a description.</param>
    /// <param name="baseline">The router's configuration before the change.</param>
    /// <param name="neighborNames">Topology ids by neighbour address (policy keys, as the twin uses them).</param>
    /// <param name="driver">The rendering driver's name.</param>
    /// <exception cref="DeviceActionRejectedException">Unknown action, missing BGP instance, unknown peer or invalid params.</exception>
    public static DeviceChange Render(DeviceAction action, DeviceSnapshot baseline, IReadOnlyDictionary<string, string>? neighborNames, string driver)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(baseline);
        if (!TwinActionNames.TryParse(action.Action, out var kind))
        {
            throw new DeviceActionRejectedException(action.Target, [$"action: '{action.Action}' is not one of LOCAL_PREF_ADJUST, MED_ADJUST, COMMUNITY_TAG, "
                + "AS_PATH_PREPEND, NEXT_HOP_CHANGE, PEER_ACTIVATE, PEER_DEACTIVATE, PREFIX_FILTER, ISP_FAILOVER, FULL_REROUTE, DEPEER, NO_ACTION"]);
        }

        var config = FrrPolicyReader.Read(baseline.Text, neighborNames);
        if (config.BgpHeader is null)
        {
            throw new DeviceActionRejectedException(action.Target, ["the router's configuration has no 'router bgp' instance"]);
        }

        var parameters = action.Parameters ?? new ActionParameters();
        ImmutableArray<FrrNeighbor> neighbors = [];
        if (!string.IsNullOrWhiteSpace(parameters.Peer))
        {
            neighbors = config.Resolve(parameters.Peer);
            if (neighbors.IsEmpty)
            {
                var known = string.Join(", ", config.Neighbors.Select(n => n.Name == n.Address ? n.Address : $"{n.Name} {n.Address}"));
                throw new DeviceActionRejectedException(action.Target, [$"params.peer: '{parameters.Peer}' is not a neighbour of {action.Target} (neighbours: {known})"]);
            }

            if (neighbors.FirstOrDefault(n => n.PeerGroup is not null) is { } grouped)
            {
                throw new DeviceActionRejectedException(action.Target, [$"params.peer: neighbor {grouped.Address} is in peer-group {grouped.PeerGroup}; the driver edits per-neighbour policy only"]);
            }

            // All sessions to the same neighbour (an ISP with two links) share its name, and so its policy key.
            neighbors = config.Neighbors.Where(n => n.Name == neighbors[0].Name).ToImmutableArray();
            parameters = parameters with { Peer = neighbors[0].Name };
        }

        var edit = PolicyEdit.For(kind, parameters, config.Policy, config.Asn);
        if (!edit.IsValid)
        {
            throw new DeviceActionRejectedException(action.Target, edit.Errors.Select(e => e.ToString()));
        }

        var warnings = edit.Warnings.Concat(config.Warnings).ToImmutableArray();
        ImmutableArray<DeviceExpectation> expectations;
        ImmutableArray<string> operational = [];
        switch (edit.Session?.Kind)
        {
            case null:
                expectations = FrrChangePlanner.PolicyChange(config, edit.Policy);
                break;
            case SessionEditKind.FullReroute:
                expectations = [];
                operational = [SoftClearAll];
                break;
            case SessionEditKind.None:
                expectations = [];
                break;
            case var session:
                expectations = FrrChangePlanner.SessionChange(config, session.Value, neighbors);
                break;
        }

        return new DeviceChange(action, driver, baseline.Id, FrrCommandText.For(expectations), expectations, warnings)
        {
            OperationalCommands = operational,
        };
    }
}
