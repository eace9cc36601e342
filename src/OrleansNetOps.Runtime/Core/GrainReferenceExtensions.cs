namespace OrleansNetOps.Runtime;

/// <summary>Identity accessors for grain references, as Orleans offers them.</summary>
public static class GrainReferenceExtensions
{
    /// <summary>The primary key of a grain reference or grain instance.</summary>
    public static string GetPrimaryKeyString(this IGrainWithStringKey grain) => grain.GetGrainId().Key;

    /// <summary>The identity of a grain reference or grain instance.</summary>
    public static GrainId GetGrainId(this IGrain grain) => grain switch
    {
        Grain instance => instance.GrainId,
        GrainProxy proxy => proxy.TargetId,
        _ => throw new ArgumentException($"{grain.GetType()} is neither a grain nor a grain reference.", nameof(grain)),
    };
}
