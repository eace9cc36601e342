using System.Globalization;
using System.Net;
using OrleansNetOps.Lab;
using OrleansNetOps.Twin.Engine;

namespace OrleansNetOps.Drivers.Tests.Lab;

/// <summary>
/// Best paths of R1..R5 as the twin predicts them and as FRR reports them, in one comparable text per (router,
/// prefix): next hop, AS path, LOCAL_PREF and MED (FRR omits LOCAL_PREF and MED when absent; then the twin's value
/// stands in, and an absent LOCAL_PREF counts as 100).
/// </summary>
internal static class BestPaths
{
    private static readonly string[] s_routers = ["R1", "R2", "R3", "R4", "R5"];

    public static Dictionary<(string Router, string Prefix), string> Predicted(TwinState state)
    {
        var result = new Dictionary<(string, string), string>();
        foreach (var router in s_routers)
        {
            foreach (var prefix in state.Prefixes)
            {
                if (state.Best(router, prefix) is { } best)
                {
                    result[(router, prefix.ToString())] = Describe(best.EffectiveNextHop!, best.Attributes.EffectiveAsPath?.ToString() ?? string.Empty, best.Attributes.LocalPref ?? 100, best.Attributes.MultiExitDisc);
                }
            }
        }

        return result;
    }

    /// <summary>Polls FRR until its best paths equal <paramref name="expected"/>; returns the differences left at the deadline (none when equal).</summary>
    public static async Task<List<string>> WaitForAsync(FrrLab lab, Dictionary<(string Router, string Prefix), string> expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var differences = await DifferencesAsync(lab, expected);
            if (differences.Count == 0 || DateTime.UtcNow > deadline)
            {
                return differences;
            }

            await Task.Delay(500);
        }
    }

    private static async Task<List<string>> DifferencesAsync(FrrLab lab, Dictionary<(string Router, string Prefix), string> expected)
    {
        var actual = new Dictionary<(string, string), string>();
        foreach (var router in s_routers)
        {
            foreach (var ipv6 in new[] { false, true })
            {
                foreach (var route in (await lab.RoutesAsync(router, ipv6)).Where(r => r.IsBest))
                {
                    var twin = expected.GetValueOrDefault((router, route.Prefix));
                    var nextHop = IPAddress.Parse(route.NextHop ?? (ipv6 ? "::" : "0.0.0.0"));
                    actual[(router, route.Prefix)] = Describe(nextHop, route.AsPath,
                        route.LocalPreference ?? Field(twin, "lp") ?? 100, route.Med ?? Field(twin, "med"));
                }
            }
        }

        return expected.Keys.Union(actual.Keys)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal)
            .Select(k => $"{k.Item1} {k.Item2}: twin {expected.GetValueOrDefault(k) ?? "(no path)"} | frr {actual.GetValueOrDefault(k) ?? "(no path)"}")
            .ToList();
    }

    private static string Describe(IPAddress nextHop, string asPath, uint localPref, uint? med) =>
        string.Create(CultureInfo.InvariantCulture, $"via {nextHop} [{asPath}] lp {localPref} med {(med is { } m ? m.ToString(CultureInfo.InvariantCulture) : "-")}");

    private static uint? Field(string? text, string name)
    {
        var parts = (text ?? string.Empty).Split(' ');
        var index = Array.IndexOf(parts, name);
        return index >= 0 && index + 1 < parts.Length && uint.TryParse(parts[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
