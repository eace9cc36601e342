namespace OrleansNetOps.Bgp.Messages;

/// <summary>ADD-PATH capability Send/Receive field (RFC 7911).</summary>
[Flags]
public enum AddPathDirection : byte
{
    /// <summary>Not offered.</summary>
    None = 0,

    /// <summary>Willing to receive multiple paths.</summary>
    Receive = 1,

    /// <summary>Willing to send multiple paths.</summary>
    Send = 2,

    /// <summary>Both.</summary>
    Both = 3,
}
