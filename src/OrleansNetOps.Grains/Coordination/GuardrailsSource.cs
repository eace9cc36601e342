using System.Collections.Concurrent;
using System.Globalization;
using OrleansNetOps.Governance.Guardrails;

namespace OrleansNetOps.Grains.Coordination;

/// <summary>
/// How a silo reads a domain's guardrails: the coordinator grain holds the one accepted text (<see cref="GuardrailsText"/>);
/// this parses each text once per fingerprint and hands out the parsed policy. It holds no policy of its own beyond
/// the baseline, which is in force only until a domain's first accepted change.
/// </summary>
/// <param name="baseline">What a domain runs before any text was accepted: the built-in defaults, or what the host was given in code.</param>
public sealed class GuardrailsSource(GovernancePolicy baseline)
{
    // A handful of domains, each with one current text: enough to never parse twice in steady state.
    private const int MaxCached = 16;
    private readonly ConcurrentDictionary<string, GovernancePolicy> _parsed = new(StringComparer.Ordinal);

    /// <summary>The policy before any accepted change.</summary>
    public GovernancePolicy Baseline { get; } = baseline ?? throw new ArgumentNullException(nameof(baseline));

    /// <summary>The policy of a text the coordinator holds.</summary>
    /// <exception cref="OrleansNetOps.Configuration.ConfigException">The text is invalid; never for a text the coordinator accepted.</exception>
    public GovernancePolicy Resolve(GuardrailsText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Yaml is null)
        {
            return Baseline;
        }

        if (_parsed.TryGetValue(text.Fingerprint, out var known))
        {
            return known;
        }

        if (_parsed.Count >= MaxCached)
        {
            _parsed.Clear();
        }

        var policy = GuardrailsReader.Parse(text.Yaml, string.Create(CultureInfo.InvariantCulture, $"guardrails version {text.Version}"));
        _parsed[policy.Fingerprint] = policy;
        return policy;
    }

    /// <summary>The policy in force in a domain now, as its coordinator holds it.</summary>
    public async Task<GovernancePolicy> CurrentAsync(IGrainFactory grains, string domain)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return Resolve(await grains.GetGrain<ICoordinatorGrain>(domain).PolicyAsync().ConfigureAwait(false));
    }
}
