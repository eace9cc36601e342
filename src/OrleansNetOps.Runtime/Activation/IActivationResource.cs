namespace OrleansNetOps.Runtime;

/// <summary>Something an activation holds that must be released when it goes away.</summary>
internal interface IActivationResource
{
    void Release();
}
