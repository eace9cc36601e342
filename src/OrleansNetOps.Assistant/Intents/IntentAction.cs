namespace OrleansNetOps.Assistant.Intents;

/// <summary>
/// What a sentence asks for, before its values are read: a catalogue action, or a reading that maps onto one
/// ("move off" and "move onto" are LOCAL_PREF adjustments on the session named).
/// </summary>
/// <param name="Name">The catalogue action.</param>
/// <param name="NeedsPeer">Whether the action works on one session.</param>
internal sealed record IntentAction(string Name, bool NeedsPeer)
{
    public static readonly IntentAction NoAction = new("NO_ACTION", false);
    public static readonly IntentAction Depeer = new("DEPEER", true);
    public static readonly IntentAction FullReroute = new("FULL_REROUTE", false);
    public static readonly IntentAction Prepend = new("AS_PATH_PREPEND", true);
    public static readonly IntentAction NextHop = new("NEXT_HOP_CHANGE", true);
    public static readonly IntentAction Med = new("MED_ADJUST", true);
    public static readonly IntentAction LocalPref = new("LOCAL_PREF_ADJUST", true);
    public static readonly IntentAction Community = new("COMMUNITY_TAG", true);
    public static readonly IntentAction Filter = new("PREFIX_FILTER", true);
    public static readonly IntentAction Unfilter = new("PREFIX_FILTER", true) { Lifts = true };
    public static readonly IntentAction Deactivate = new("PEER_DEACTIVATE", true);
    public static readonly IntentAction Activate = new("PEER_ACTIVATE", true);
    public static readonly IntentAction Failover = new("ISP_FAILOVER", true);
    public static readonly IntentAction MoveOff = new("LOCAL_PREF_ADJUST", true) { Move = -1 };
    public static readonly IntentAction MoveOnto = new("LOCAL_PREF_ADJUST", true) { Move = 1 };

    /// <summary>−1 for moving traffic off the session, +1 onto it, 0 otherwise.</summary>
    public int Move { get; init; }

    /// <summary>A filter being lifted.</summary>
    public bool Lifts { get; init; }
}
