using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OrleansNetOps.Assistant.State;

/// <summary>
/// Reads network state through the service's own REST API (API.md), with the caller's credentials, so the assistant
/// sees exactly what the caller may see and every fact it uses has a citable source. Endpoints another part of the
/// service has not brought up yet (findings, incidents, actions, audit) read as "not available", never as an error.
/// </summary>
public sealed class NetworkStateReader
{
    private readonly HttpClient _client;
    private readonly List<StateReading> _reads = [];

    /// <summary>A reader over <paramref name="client"/>, whose base address is the service and whose headers carry the caller's key.</summary>
    public NetworkStateReader(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>Every read made so far that found something: the sources an answer cites.</summary>
    public IReadOnlyList<string> Sources
    {
        get
        {
            lock (_reads)
            {
                return _reads.Where(r => r.Found).Select(r => r.Source).Distinct(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>All routers.</summary>
    public Task<StateReading> RoutersAsync(CancellationToken cancellationToken = default) => ReadAsync("/api/v1/routers", cancellationToken);

    /// <summary>One router with its peers.</summary>
    public Task<StateReading> RouterAsync(string id, CancellationToken cancellationToken = default) =>
        ReadAsync($"/api/v1/routers/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>A router's routes for one prefix in its Loc-RIB.</summary>
    public Task<StateReading> RoutesAsync(string router, string prefix, CancellationToken cancellationToken = default) =>
        ReadAsync($"/api/v1/routers/{Uri.EscapeDataString(router)}/rib?afi={(prefix.Contains(':', StringComparison.Ordinal) ? "ipv6" : "ipv4")}&view=loc&prefix={Uri.EscapeDataString(prefix)}",
            cancellationToken);

    /// <summary>Findings, optionally for one router.</summary>
    public Task<StateReading> FindingsAsync(string? router, CancellationToken cancellationToken = default) =>
        ReadAsync(router is null ? "/api/v1/findings?limit=20" : $"/api/v1/findings?router={Uri.EscapeDataString(router)}&limit=20", cancellationToken);

    /// <summary>Open incidents.</summary>
    public Task<StateReading> IncidentsAsync(CancellationToken cancellationToken = default) => ReadAsync("/api/v1/incidents?state=open", cancellationToken);

    /// <summary>Recent actions.</summary>
    public Task<StateReading> ActionsAsync(CancellationToken cancellationToken = default) => ReadAsync("/api/v1/actions", cancellationToken);

    /// <summary>The audit records of one action.</summary>
    public Task<StateReading> AuditAsync(string actionId, CancellationToken cancellationToken = default) =>
        ReadAsync($"/api/v1/audit?actionId={Uri.EscapeDataString(actionId)}&limit=50", cancellationToken);

    /// <summary>Forecasts for one router.</summary>
    public Task<StateReading> ForecastsAsync(string router, CancellationToken cancellationToken = default) =>
        ReadAsync($"/api/v1/forecasts?router={Uri.EscapeDataString(router)}", cancellationToken);

    /// <summary>Reads one API path; a missing endpoint or entity is a reading without a body.</summary>
    public async Task<StateReading> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var source = "GET " + path;
        JsonElement? json = null;
        if (response.IsSuccessStatusCode)
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            json = document.RootElement.Clone();
        }

        var reading = new StateReading(source, (int)response.StatusCode, json);
        lock (_reads)
        {
            _reads.Add(reading);
        }

        return reading;
    }

    /// <summary>A short note for a reading that found nothing.</summary>
    public static string Missing(StateReading reading) => reading.Status switch
    {
        (int)HttpStatusCode.NotFound => $"{reading.Source}: not available",
        (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.Unauthorized => $"{reading.Source}: not allowed for this key",
        _ => string.Create(CultureInfo.InvariantCulture, $"{reading.Source}: HTTP {reading.Status}"),
    };
}
