using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OrleansNetOps.Integration.Tests.SeedScenario;

/// <summary>What FRR and its BMP stream show, against what the twin predicted.</summary>
public static class FrrAgainstTwin
{
    /// <summary>
    /// For each predicted change: FRR's best path for the prefix on that node has the twin's next hop, AS path,
    /// LOCAL_PREF and MED (or neither has a path). Polls until they agree or <paramref name="timeout"/>; returns what differs.
    /// </summary>
    public static async Task<List<string>> BestPathDifferencesAsync(SeedLabWithDrivers fixture, IReadOnlyList<JsonElement> predicted, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(predicted);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var differences = new List<string>();
            foreach (var change in predicted)
            {
                var node = change.GetProperty("router").GetString()!;
                var prefix = change.GetProperty("prefix").GetString()!;
                var twin = change.GetProperty("after");
                var frr = (await fixture.Lab.RoutesAsync(node, prefix.Contains(':', StringComparison.Ordinal))).FirstOrDefault(r => r.Prefix == prefix && r.IsBest);
                var expected = twin.ValueKind == JsonValueKind.Object ? Describe(twin.GetProperty("nextHop").GetString(), string.Join(' ', twin.GetProperty("asPath").EnumerateArray().Select(a => a.GetUInt32())),
                    Number(twin, "localPref") ?? 100, Number(twin, "med")) : "(no path)";
                var actual = frr is null ? "(no path)" : Describe(frr.NextHop, frr.AsPath, frr.LocalPreference ?? 100, frr.Med ?? (twin.ValueKind == JsonValueKind.Object ? Number(twin, "med") : null));
                if (expected != actual)
                {
                    differences.Add($"{node} {prefix}: twin {expected} | frr {actual}");
                }
            }

            if (differences.Count == 0 || clock.Elapsed > timeout)
            {
                return differences;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>
    /// Polls <paramref name="router"/>'s Adj-RIB-In from <paramref name="peer"/> (BMP, post-policy) until
    /// <paramref name="prefix"/> carries LOCAL_PREF <paramref name="wanted"/>; returns how long that took, fails after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<TimeSpan> BmpLocalPrefAsync(SeedLabWithDrivers fixture, string router, string peer, string prefix, uint wanted, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var clock = Stopwatch.StartNew();
        var seen = "no route";
        while (clock.Elapsed < timeout)
        {
            var rib = await fixture.SendAsync(HttpMethod.Get, $"/api/v1/routers/{router}/rib?afi=ipv4&view=adj-in-post&peer={peer}&prefix={Uri.EscapeDataString(prefix)}");
            var route = rib.GetProperty("routes").EnumerateArray().FirstOrDefault(r => r.GetProperty("prefix").GetString() == prefix);
            if (route.ValueKind == JsonValueKind.Object)
            {
                seen = route.GetProperty("localPref").ToString();
                if (route.GetProperty("localPref").ValueKind == JsonValueKind.Number && route.GetProperty("localPref").GetUInt32() == wanted)
                {
                    return clock.Elapsed;
                }
            }

            await Task.Delay(250);
        }

        Assert.Fail($"BMP never showed LOCAL_PREF {wanted} on {router} for {peer}'s {prefix} within {timeout.TotalSeconds:0} s (last seen: {seen})");
        return timeout;
    }

    private static uint? Number(JsonElement route, string name) =>
        route.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetUInt32() : null;

    private static string Describe(string? nextHop, string asPath, uint localPref, uint? med) =>
        string.Create(CultureInfo.InvariantCulture, $"via {(nextHop is null ? "-" : IPAddress.Parse(nextHop).ToString())} [{asPath}] lp {localPref} med {(med is { } m ? m.ToString(CultureInfo.InvariantCulture) : "-")}");
}
