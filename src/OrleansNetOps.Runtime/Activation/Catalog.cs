using System.Collections.Concurrent;

namespace OrleansNetOps.Runtime;

/// <summary>The directory of this silo's activations: at most one per grain id.</summary>
internal sealed class Catalog(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();

    public int Count => _activations.Count;

    public ICollection<GrainActivation> Activations => _activations.Values;

    public GrainActivation GetOrCreate(GrainId grainId, GrainClassMetadata grainClass)
    {
        while (true)
        {
            if (_activations.TryGetValue(grainId, out var existing))
            {
                return existing;
            }

            var created = new GrainActivation(runtime, grainClass, grainId);
            if (_activations.TryAdd(grainId, created))
            {
                created.Start();
                return created;
            }
        }
    }

    public bool TryGet(GrainId grainId, out GrainActivation? activation) => _activations.TryGetValue(grainId, out activation);

    public void Remove(GrainActivation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.GrainId, activation));
}
