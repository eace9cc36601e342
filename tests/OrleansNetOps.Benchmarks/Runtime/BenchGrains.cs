using OrleansNetOps.Runtime;

namespace OrleansNetOps.Benchmarks.Runtime;

public interface IBenchGrain : IGrainWithStringKey
{
    Task<int> EchoAsync(int value);

    Task<int> FanOutAsync(int width);
}

public sealed class BenchGrain : Grain, IBenchGrain
{
    private int _calls;

    public Task<int> EchoAsync(int value)
    {
        _calls++;
        return Task.FromResult(value);
    }

    public async Task<int> FanOutAsync(int width)
    {
        var calls = new Task<int>[width];
        for (var i = 0; i < width; i++)
        {
            calls[i] = GrainFactory.GetGrain<IBenchGrain>(BenchSilo.Keys[i]).EchoAsync(i);
        }

        var sum = 0;
        foreach (var call in calls)
        {
            sum += await call;
        }

        return sum;
    }
}
