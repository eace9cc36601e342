namespace OrleansNetOps.Lab.Scenarios;

/// <summary>Which way a neighbour policy filters.</summary>
public enum PolicyDirection
{
    /// <summary>Routes received from the neighbour.</summary>
    In,

    /// <summary>Routes advertised to the neighbour.</summary>
    Out,
}
