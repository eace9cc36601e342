using OrleansNetOps.Governance.Guardrails;

namespace OrleansNetOps.Grains.Coordination;

/// <summary>The guardrails in force in this silo; <c>PUT /api/v1/guardrails</c> replaces them without a restart.</summary>
/// <param name="initial">The guardrails the silo started with.</param>
/// <param name="yaml">Their text (null for the built-in defaults).</param>
public sealed class GuardrailsSource(GovernancePolicy initial, string? yaml)
{
    private (GovernancePolicy Policy, string? Yaml) _current = (initial ?? throw new ArgumentNullException(nameof(initial)), yaml);
    private readonly Lock _gate = new();

    /// <summary>The policy now.</summary>
    public GovernancePolicy Current
    {
        get
        {
            lock (_gate)
            {
                return _current.Policy;
            }
        }
    }

    /// <summary>The text of the policy now (null for the built-in defaults).</summary>
    public string? Yaml
    {
        get
        {
            lock (_gate)
            {
                return _current.Yaml;
            }
        }
    }

    /// <summary>Replaces the policy and its text.</summary>
    public void Replace(GovernancePolicy policy, string yaml)
    {
        ArgumentNullException.ThrowIfNull(policy);
        lock (_gate)
        {
            _current = (policy, yaml);
        }
    }
}
