namespace OrleansNetOps.Analytics.RootCause;

/// <summary>A symptom a cause should produce if it were the cause: its class, where, and how much its absence counts.</summary>
/// <param name="Class">The symptom's class.</param>
/// <param name="Description">For a person, e.g. <c>session R1|203.0.113.2 down</c>.</param>
/// <param name="Weight">How much its absence argues against the cause.</param>
/// <param name="Matches">Whether a location is where it was expected.</param>
internal sealed record Expectation(SymptomClass Class, string Description, double Weight, Func<SymptomLocation, bool> Matches)
{
    public bool MetBy(Symptom symptom) => symptom.Class == Class && Matches(symptom.Location);
}
