using System.Text.Json.Serialization;

namespace OrleansNetOps.Grains.Learning;

/// <summary>Agreement overall and per tier; null where nothing was reviewed.</summary>
[GenerateSerializer, Immutable]
public sealed record ShadowAgreement(
    double? Overall,
    [property: JsonPropertyName("T1")] double? T1,
    [property: JsonPropertyName("T2")] double? T2,
    [property: JsonPropertyName("T3")] double? T3);
