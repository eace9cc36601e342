namespace OrleansNetOps.Analytics.Baselines;

/// <summary>Which seasonal pattern a baseline found in its series.</summary>
public enum Seasonality
{
    /// <summary>A level only.</summary>
    None,

    /// <summary>A level and a time-of-day profile.</summary>
    Daily,

    /// <summary>A level and a day-of-week × time-of-day profile.</summary>
    Weekly,
}
