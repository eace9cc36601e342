namespace OrleansNetOps.Grains.Incidents;

/// <summary>
/// The incident intake of one domain (key: the domain): reads the domain's findings stream, joins each finding to the
/// incident of its cause or opens one, and indexes the domain's incidents.
/// </summary>
public interface IIncidentIntakeGrain : IGrainWithStringKey
{
    /// <summary>The domain's incident ids, newest first.</summary>
    Task<IReadOnlyList<string>> IncidentIdsAsync();
}
