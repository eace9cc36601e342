using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>One Statistics Report counter or gauge.</summary>
/// <param name="Type">Stat type (0..17 in RFC 7854/8671, others kept).</param>
/// <param name="Value">Counter or gauge value; 0 when <see cref="Raw"/> could not be read as a number.</param>
/// <param name="Family">For the per-AFI/SAFI types (9, 10, 16, 17).</param>
/// <param name="Raw">Value bytes as received.</param>
public sealed record BmpStatistic(ushort Type, ulong Value, AfiSafi? Family, EquatableArray<byte> Raw)
{
    /// <summary>Descriptive name of the stat type.</summary>
    public string Name => Type switch
    {
        0 => "prefixes rejected by inbound policy",
        1 => "duplicate prefix advertisements",
        2 => "duplicate withdraws",
        3 => "updates invalidated by CLUSTER_LIST loop",
        4 => "updates invalidated by AS_PATH loop",
        5 => "updates invalidated by ORIGINATOR_ID",
        6 => "updates invalidated by AS_CONFED loop",
        7 => "routes in Adj-RIBs-In",
        8 => "routes in Loc-RIB",
        9 => "routes in per-AFI/SAFI Adj-RIB-In",
        10 => "routes in per-AFI/SAFI Loc-RIB",
        11 => "updates subjected to treat-as-withdraw",
        12 => "prefixes subjected to treat-as-withdraw",
        13 => "duplicate update messages",
        14 => "routes in pre-policy Adj-RIB-Out",
        15 => "routes in post-policy Adj-RIB-Out",
        16 => "routes in per-AFI/SAFI pre-policy Adj-RIB-Out",
        17 => "routes in per-AFI/SAFI post-policy Adj-RIB-Out",
        _ => $"stat type {Type}",
    };
}
