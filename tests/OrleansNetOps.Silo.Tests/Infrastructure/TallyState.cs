namespace OrleansNetOps.Silo.Tests.Infrastructure;

[GenerateSerializer]
public sealed class TallyState
{
    [Id(0)]
    public int Count { get; set; }
}
