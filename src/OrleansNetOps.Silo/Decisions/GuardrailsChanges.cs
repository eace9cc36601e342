using OrleansNetOps.Governance.Audit;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Grains.Audit;
using OrleansNetOps.Grains.Coordination;

namespace OrleansNetOps.Silo.Decisions;

/// <summary>
/// The one way the guardrails in force change, whether from <c>PUT /api/v1/guardrails</c> or from the file on disk:
/// the text is validated whole, the attempt audited as a <c>policy</c> record (ACCEPTED or REJECTED), and only an
/// accepted text replaces the policy. Text whose fingerprint is the policy in force is a no-op, so the same content
/// arriving twice (an editor's identical save, a PUT of the file's content) leaves one audit record.
/// </summary>
public sealed class GuardrailsChanges(GuardrailsSource source, IAuditTrail trail, TimeProvider time) : IDisposable
{
    // Serialises changes so that a PUT and a file reload cannot both read the same "previous" and audit a stale chain.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Validates <paramref name="text"/> and, when it is valid and new, puts it in force.</summary>
    /// <param name="text">The guardrails text (YAML, or JSON of the same shape).</param>
    /// <param name="sourceName">Named in every positioned error (the file's name, or the request).</param>
    /// <param name="actor">Who changed it: the API key's name, or <c>file:guardrails.yaml</c>.</param>
    /// <param name="cancellationToken">Cancels the wait for a change already running.</param>
    public async Task<GuardrailsChange> ApplyAsync(string text, string sourceName, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var previous = source.Current;
            if (GuardrailsReader.Fingerprint(text) == previous.Fingerprint)
            {
                return new GuardrailsChange(new GuardrailsReload(previous, true, []), true);
            }

            var reload = GuardrailsReader.Reload(text, sourceName, previous);
            await trail.AppendAsync(AuditRecords.Policy(actor, reload, previous.Fingerprint), time.GetUtcNow()).ConfigureAwait(false);
            if (reload.Accepted)
            {
                source.Replace(reload.Policy, text);
            }

            return new GuardrailsChange(reload, false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
