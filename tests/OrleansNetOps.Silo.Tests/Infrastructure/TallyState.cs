namespace OrleansNetOps.Silo.Tests.Infrastructure;

public sealed class TallyState
{
    public int Count { get; set; }
}
