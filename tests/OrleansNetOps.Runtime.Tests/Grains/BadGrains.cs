using OrleansNetOps.Runtime;

namespace OrleansNetOps.Runtime.Tests;

public interface IBadSignatureGrain : IGrainWithStringKey
{
    int NotAsync();
}

public sealed class BadSignatureGrain : Grain, IBadSignatureGrain
{
    public int NotAsync() => 1;
}

public interface IUnimplementedGrain : IGrainWithStringKey
{
    Task PingAsync();
}
