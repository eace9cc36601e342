namespace OrleansNetOps.Runtime;

/// <summary>Marker for grain interfaces whose grains are identified by a string key.</summary>
public interface IGrainWithStringKey : IGrain
{
}
