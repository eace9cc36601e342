namespace OrleansNetOps.Lab.Scenarios;

/// <summary>
/// A change played on the lab. The same records describe the change to the digital twin, so a test can apply
/// one in both and compare the outcomes. Node names are topology ids (<c>R1</c>, <c>ISP-A</c>).
/// </summary>
public abstract record LabChange
{
    /// <summary>A one-line human description, as the CLI prints it.</summary>
    public abstract string Describe();
}
