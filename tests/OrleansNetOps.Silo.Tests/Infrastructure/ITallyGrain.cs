
namespace OrleansNetOps.Silo.Tests.Infrastructure;

public interface ITallyGrain : IGrainWithStringKey
{
    Task<int> AddAsync();
}
