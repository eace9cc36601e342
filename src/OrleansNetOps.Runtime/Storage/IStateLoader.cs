namespace OrleansNetOps.Runtime;

/// <summary>What the activation needs of a persistent state to load it before the grain activates.</summary>
internal interface IStateLoader
{
    Task ReadStateAsync();
}
