using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Engine;

namespace OrleansNetOps.Silo.Simulation;

/// <summary>
/// The simulated network's routes as its BMP last showed them (events so far, every router's policy applied), shared
/// with the demo's traffic so the traffic follows the routing: a change that moves a prefix off an ISP moves that
/// prefix's traffic with it. Before the simulator's first step it is the topology converged as configured.
/// </summary>
public sealed class SimulatedRoutes(NetworkTopology topology)
{
    private readonly Lazy<TwinState> _initial = new(() => TwinState.Converge(topology));
    private TwinState? _current;

    /// <summary>The routes now.</summary>
    public TwinState Current
    {
        get => Volatile.Read(ref _current) ?? _initial.Value;
        set => Volatile.Write(ref _current, value);
    }

    /// <summary>The routes as configured, before any event or policy.</summary>
    public TwinState Initial => _initial.Value;
}
