namespace OrleansNetOps.Analytics.Findings;

/// <summary>The API's names for <see cref="FindingKind"/> values.</summary>
public static class FindingKinds
{
    /// <summary>The kebab-case name, e.g. <c>session-flap</c>.</summary>
    public static string Name(FindingKind kind) => kind switch
    {
        FindingKind.MetricAnomaly => "metric-anomaly",
        FindingKind.ThresholdBreach => "threshold-breach",
        FindingKind.CongestionForecast => "congestion-forecast",
        FindingKind.SessionDown => "session-down",
        FindingKind.SessionFlap => "session-flap",
        FindingKind.PathQuality => "path-quality",
        FindingKind.RouteLeak => "route-leak",
        FindingKind.OriginHijack => "origin-hijack",
        FindingKind.MultipleOrigins => "moas",
        FindingKind.MoreSpecificHijack => "more-specific-hijack",
        FindingKind.ChurnStorm => "churn-storm",
        FindingKind.NewLogTemplate => "new-log-template",
        FindingKind.RareLogTemplate => "rare-log-template",
        FindingKind.LinkDown => "link-down",
        FindingKind.ExternalAlert => "external-alert",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown finding kind"),
    };

    /// <summary>Parses an API name; false when it is not one.</summary>
    public static bool TryParse(string name, out FindingKind kind)
    {
        foreach (var candidate in Enum.GetValues<FindingKind>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
