namespace OrleansNetOps.Analytics.RootCause;

/// <summary>Where on the topology a symptom was seen. Every part is optional; ids are as in finding subjects.</summary>
public sealed record SymptomLocation
{
    /// <summary>Our router that saw it.</summary>
    public string? Router { get; init; }

    /// <summary>The BGP session it is about (<c>R1|203.0.113.2</c>).</summary>
    public string? Session { get; init; }

    /// <summary>The topology link it is about (<c>R1~ISP-A</c>).</summary>
    public string? Link { get; init; }

    /// <summary>The node at the far end of that session or link, seen from <see cref="Router"/>.</summary>
    public string? Peer { get; init; }

    /// <summary>The ISP it concerns.</summary>
    public string? Isp { get; init; }

    /// <summary>The interface it is about (<c>R1:to-ISP-A</c>).</summary>
    public string? Interface { get; init; }

    /// <summary>The prefix it is about.</summary>
    public string? Prefix { get; init; }

    /// <summary>The owned prefix a more-specific sits in.</summary>
    public string? Covering { get; init; }

    /// <summary>The AS that leaked the route or announced the prefix without right (<c>AS6175</c>).</summary>
    public string? OffendingAs { get; init; }
}
