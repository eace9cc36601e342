namespace OrleansNetOps.Bgp.Mrt;

/// <summary>MRT record types (RFC 6396).</summary>
public enum MrtType : ushort
{
    /// <summary>OSPFv2.</summary>
    Ospf2 = 11,

    /// <summary>TABLE_DUMP (legacy RIB dump).</summary>
    TableDump = 12,

    /// <summary>TABLE_DUMP_V2.</summary>
    TableDumpV2 = 13,

    /// <summary>BGP4MP.</summary>
    Bgp4mp = 16,

    /// <summary>BGP4MP with microsecond timestamps.</summary>
    Bgp4mpEt = 17,

    /// <summary>IS-IS.</summary>
    Isis = 32,

    /// <summary>IS-IS with microsecond timestamps.</summary>
    IsisEt = 33,

    /// <summary>OSPFv3.</summary>
    Ospf3 = 48,

    /// <summary>OSPFv3 with microsecond timestamps.</summary>
    Ospf3Et = 49,
}
