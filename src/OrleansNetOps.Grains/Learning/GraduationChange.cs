namespace OrleansNetOps.Grains.Learning;

/// <summary>Shadow mode crossing the graduation bar, up (graduated) or down (demoted).</summary>
/// <param name="At">The review that crossed it.</param>
/// <param name="Ready">True: graduated; false: demoted.</param>
/// <param name="Agreement">T1 agreement over the window at that moment.</param>
[GenerateSerializer, Immutable]
public sealed record GraduationChange(DateTimeOffset At, bool Ready, double Agreement);
