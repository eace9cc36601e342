namespace OrleansNetOps.Grains.Network;

/// <summary>Router health as the API reports it.</summary>
[GenerateSerializer]
public enum RouterStatus
{
    /// <summary>Never heard from.</summary>
    Unknown,

    /// <summary>Monitored, every session established.</summary>
    Up,

    /// <summary>Monitored, some sessions not established.</summary>
    Degraded,

    /// <summary>Its BMP session is gone, or no session is established.</summary>
    Down,
}
