namespace OrleansNetOps.Silo.Hosting;

/// <summary>Where the silo is in its life.</summary>
internal enum SiloLaunchState
{
    NotStarted,
    WaitingForStorage,
    Running,
    Failed,
    Stopping,
    Stopped,
}
