using System.Collections.Frozen;
using System.Globalization;

namespace OrleansNetOps.Telemetry.Flows;

/// <summary>
/// The IANA IPFIX information elements collectors commonly meet (numbering shared with NetFlow v9 field types),
/// so decoded records carry names and types instead of numbers.
/// </summary>
public static class InformationElementRegistry
{
    private static readonly FrozenDictionary<ushort, InformationElement> Iana = Build();

    private static readonly InformationElement[] V9Scopes =
    [
        new(1, 0, "scopeSystem", FlowDataType.OctetArray),
        new(2, 0, "scopeInterface", FlowDataType.Unsigned),
        new(3, 0, "scopeLineCard", FlowDataType.Unsigned),
        new(4, 0, "scopeCache", FlowDataType.Unsigned),
        new(5, 0, "scopeTemplate", FlowDataType.Unsigned),
    ];

    /// <summary>All known IANA elements.</summary>
    public static IEnumerable<InformationElement> All => Iana.Values;

    /// <summary>The element for an id; unknown ids and enterprise elements get a raw (octet array) element named <c>e{pen}.{id}</c>.</summary>
    /// <param name="id">Element id without the enterprise bit.</param>
    /// <param name="enterpriseNumber">Private enterprise number, 0 for IANA.</param>
    public static InformationElement Get(ushort id, uint enterpriseNumber = 0)
    {
        if (enterpriseNumber == 0 && Iana.TryGetValue(id, out var known))
        {
            return known;
        }

        var name = enterpriseNumber == 0
            ? string.Create(CultureInfo.InvariantCulture, $"ie{id}")
            : string.Create(CultureInfo.InvariantCulture, $"e{enterpriseNumber}.{id}");
        return new InformationElement(id, enterpriseNumber, name, FlowDataType.OctetArray) { IsUnknown = true };
    }

    /// <summary>Looks an IANA element up by name, e.g. <c>sourceIPv4Address</c>.</summary>
    public static bool TryGetByName(string name, out InformationElement element)
    {
        element = Iana.Values.FirstOrDefault(e => e.Name == name)!;
        return element is not null;
    }

    /// <summary>NetFlow v9 options templates number their scope fields separately (RFC 3954 section 6.1).</summary>
    internal static InformationElement NetFlowV9Scope(ushort type) =>
        type is >= 1 and <= 5 ? V9Scopes[type - 1] : Get(type);

    private static FrozenDictionary<ushort, InformationElement> Build()
    {
        const FlowDataType U = FlowDataType.Unsigned;
        const FlowDataType V4 = FlowDataType.Ipv4Address;
        const FlowDataType V6 = FlowDataType.Ipv6Address;
        const FlowDataType Mac = FlowDataType.MacAddress;
        const FlowDataType Str = FlowDataType.String;
        const FlowDataType Raw = FlowDataType.OctetArray;
        (ushort Id, string Name, FlowDataType Type)[] table =
        [
            (1, "octetDeltaCount", U), (2, "packetDeltaCount", U), (3, "deltaFlowCount", U), (4, "protocolIdentifier", U),
            (5, "ipClassOfService", U), (6, "tcpControlBits", U), (7, "sourceTransportPort", U), (8, "sourceIPv4Address", V4),
            (9, "sourceIPv4PrefixLength", U), (10, "ingressInterface", U), (11, "destinationTransportPort", U),
            (12, "destinationIPv4Address", V4), (13, "destinationIPv4PrefixLength", U), (14, "egressInterface", U),
            (15, "ipNextHopIPv4Address", V4), (16, "bgpSourceAsNumber", U), (17, "bgpDestinationAsNumber", U),
            (18, "bgpNextHopIPv4Address", V4), (19, "postMCastPacketDeltaCount", U), (20, "postMCastOctetDeltaCount", U),
            (21, "flowEndSysUpTime", U), (22, "flowStartSysUpTime", U), (23, "postOctetDeltaCount", U),
            (24, "postPacketDeltaCount", U), (25, "minimumIpTotalLength", U), (26, "maximumIpTotalLength", U),
            (27, "sourceIPv6Address", V6), (28, "destinationIPv6Address", V6), (29, "sourceIPv6PrefixLength", U),
            (30, "destinationIPv6PrefixLength", U), (31, "flowLabelIPv6", U), (32, "icmpTypeCodeIPv4", U), (33, "igmpType", U),
            (34, "samplingInterval", U), (35, "samplingAlgorithm", U), (36, "flowActiveTimeout", U), (37, "flowIdleTimeout", U),
            (38, "engineType", U), (39, "engineId", U), (40, "exportedOctetTotalCount", U), (41, "exportedMessageTotalCount", U),
            (42, "exportedFlowRecordTotalCount", U), (43, "ipv4RouterSc", V4), (44, "sourceIPv4Prefix", V4),
            (45, "destinationIPv4Prefix", V4), (46, "mplsTopLabelType", U), (47, "mplsTopLabelIPv4Address", V4),
            (48, "samplerId", U), (49, "samplerMode", U), (50, "samplerRandomInterval", U), (51, "classId", U),
            (52, "minimumTTL", U), (53, "maximumTTL", U), (54, "fragmentIdentification", U), (55, "postIpClassOfService", U),
            (56, "sourceMacAddress", Mac), (57, "postDestinationMacAddress", Mac), (58, "vlanId", U), (59, "postVlanId", U),
            (60, "ipVersion", U), (61, "flowDirection", U), (62, "ipNextHopIPv6Address", V6), (63, "bgpNextHopIPv6Address", V6),
            (64, "ipv6ExtensionHeaders", U), (70, "mplsTopLabelStackSection", Raw), (71, "mplsLabelStackSection2", Raw),
            (72, "mplsLabelStackSection3", Raw), (73, "mplsLabelStackSection4", Raw), (74, "mplsLabelStackSection5", Raw),
            (75, "mplsLabelStackSection6", Raw), (76, "mplsLabelStackSection7", Raw), (77, "mplsLabelStackSection8", Raw),
            (78, "mplsLabelStackSection9", Raw), (79, "mplsLabelStackSection10", Raw), (80, "destinationMacAddress", Mac),
            (81, "postSourceMacAddress", Mac), (82, "interfaceName", Str), (83, "interfaceDescription", Str),
            (84, "samplerName", Str), (85, "octetTotalCount", U), (86, "packetTotalCount", U), (88, "fragmentOffset", U),
            (89, "forwardingStatus", U), (90, "mplsVpnRouteDistinguisher", Raw), (91, "mplsTopLabelPrefixLength", U),
            (94, "applicationDescription", Str), (95, "applicationId", Raw), (96, "applicationName", Str),
            (98, "postIpDiffServCodePoint", U), (128, "bgpNextAdjacentAsNumber", U), (129, "bgpPrevAdjacentAsNumber", U),
            (130, "exporterIPv4Address", V4), (131, "exporterIPv6Address", V6), (136, "flowEndReason", U),
            (137, "commonPropertiesId", U), (140, "mplsTopLabelIPv6Address", V6), (138, "observationPointId", U), (139, "icmpTypeCodeIPv6", U), (148, "flowId", U),
            (149, "observationDomainId", U), (150, "flowStartSeconds", FlowDataType.DateTimeSeconds),
            (151, "flowEndSeconds", FlowDataType.DateTimeSeconds), (152, "flowStartMilliseconds", FlowDataType.DateTimeMilliseconds),
            (153, "flowEndMilliseconds", FlowDataType.DateTimeMilliseconds), (154, "flowStartMicroseconds", FlowDataType.DateTimeMicroseconds),
            (155, "flowEndMicroseconds", FlowDataType.DateTimeMicroseconds), (156, "flowStartNanoseconds", FlowDataType.DateTimeNanoseconds),
            (157, "flowEndNanoseconds", FlowDataType.DateTimeNanoseconds), (158, "flowStartDeltaMicroseconds", U),
            (159, "flowEndDeltaMicroseconds", U), (160, "systemInitTimeMilliseconds", FlowDataType.DateTimeMilliseconds),
            (161, "flowDurationMilliseconds", U), (162, "flowDurationMicroseconds", U), (176, "icmpTypeIPv4", U),
            (177, "icmpCodeIPv4", U), (178, "icmpTypeIPv6", U), (179, "icmpCodeIPv6", U), (180, "udpSourcePort", U),
            (181, "udpDestinationPort", U), (182, "tcpSourcePort", U), (183, "tcpDestinationPort", U),
            (184, "tcpSequenceNumber", U), (192, "ipTTL", U), (195, "ipDiffServCodePoint", U), (210, "paddingOctets", Raw),
            (225, "postNATSourceIPv4Address", V4), (226, "postNATDestinationIPv4Address", V4),
            (227, "postNAPTSourceTransportPort", U), (228, "postNAPTDestinationTransportPort", U), (234, "ingressVRFID", U),
            (235, "egressVRFID", U), (236, "VRFname", Str), (239, "biflowDirection", U), (243, "dot1qVlanId", U),
            (252, "ingressPhysicalInterface", U), (253, "egressPhysicalInterface", U), (256, "ethernetType", U),
            (198, "octetDeltaSumOfSquares", U), (302, "selectorId", U), (304, "selectorAlgorithm", U),
            (305, "samplingPacketInterval", U), (306, "samplingPacketSpace", U), (309, "samplingSize", U),
            (310, "samplingPopulation", U), (335, "selectorName", Str),
            (323, "observationTimeMilliseconds", FlowDataType.DateTimeMilliseconds),
        ];
        return table.ToFrozenDictionary(e => e.Id, e => new InformationElement(e.Id, 0, e.Name, e.Type));
    }

    /// <summary>Well-known element ids used by the decoder and <see cref="FlowRecord"/>.</summary>
    internal static class Ids
    {
        public const ushort OctetDeltaCount = 1;
        public const ushort PacketDeltaCount = 2;
        public const ushort Protocol = 4;
        public const ushort ClassOfService = 5;
        public const ushort TcpControlBits = 6;
        public const ushort SourcePort = 7;
        public const ushort SourceIPv4 = 8;
        public const ushort SourceIPv4PrefixLength = 9;
        public const ushort IngressInterface = 10;
        public const ushort DestinationPort = 11;
        public const ushort DestinationIPv4 = 12;
        public const ushort DestinationIPv4PrefixLength = 13;
        public const ushort EgressInterface = 14;
        public const ushort NextHopIPv4 = 15;
        public const ushort SourceAs = 16;
        public const ushort DestinationAs = 17;
        public const ushort BgpNextHopIPv4 = 18;
        public const ushort EndSysUpTime = 21;
        public const ushort StartSysUpTime = 22;
        public const ushort PostOctetDeltaCount = 23;
        public const ushort PostPacketDeltaCount = 24;
        public const ushort SourceIPv6 = 27;
        public const ushort DestinationIPv6 = 28;
        public const ushort SourceIPv6PrefixLength = 29;
        public const ushort DestinationIPv6PrefixLength = 30;
        public const ushort SamplingInterval = 34;
        public const ushort SamplerId = 48;
        public const ushort SamplerRandomInterval = 50;
        public const ushort NextHopIPv6 = 62;
        public const ushort BgpNextHopIPv6 = 63;
        public const ushort OctetTotalCount = 85;
        public const ushort PacketTotalCount = 86;
        public const ushort StartSeconds = 150;
        public const ushort EndSeconds = 151;
        public const ushort StartMilliseconds = 152;
        public const ushort EndMilliseconds = 153;
        public const ushort StartMicroseconds = 154;
        public const ushort EndMicroseconds = 155;
        public const ushort StartNanoseconds = 156;
        public const ushort EndNanoseconds = 157;
        public const ushort StartDeltaMicroseconds = 158;
        public const ushort EndDeltaMicroseconds = 159;
        public const ushort SystemInitTimeMilliseconds = 160;
        public const ushort SelectorId = 302;
        public const ushort SamplingPacketInterval = 305;
        public const ushort SamplingPacketSpace = 306;
        public const ushort SamplingSize = 309;
        public const ushort SamplingPopulation = 310;
    }
}
