using System.Buffers.Binary;
using System.Net;
using OrleansNetOps.Telemetry.Parsing;

namespace OrleansNetOps.Telemetry.Flows;

/// <summary>
/// Decodes NetFlow v5, NetFlow v9 and IPFIX datagrams. Keeps templates per exporter address and observation
/// domain (source id), holds data sets that arrive before their template, and counts everything it drops.
/// Pure: the caller passes the time; not thread-safe (one per receive loop).
/// </summary>
public sealed class FlowDecoder
{
    private const int V5HeaderLength = 24;
    private const int V5RecordLength = 48;
    private const int V9HeaderLength = 20;
    private const int IpfixHeaderLength = 16;

    private static readonly FlowTemplate V5Template = BuildV5Template();

    private readonly FlowDecoderOptions options;
    private readonly Dictionary<(IPAddress Exporter, uint Domain), DomainState> domains = [];
    private readonly LinkedList<PendingSet> pending = new();

    /// <summary>Creates a decoder.</summary>
    public FlowDecoder(FlowDecoderOptions? options = null) => this.options = options ?? new FlowDecoderOptions();

    /// <summary>Counters.</summary>
    public FlowDecoderStatistics Statistics { get; } = new();

    /// <summary>Data sets currently held for a missing template.</summary>
    public int PendingCount => pending.Count;

    /// <summary>
    /// Decodes one datagram, appending records to <paramref name="records"/> — also records from earlier held
    /// sets that this datagram's templates unlock. On a malformed datagram, records decoded before the fault are kept.
    /// </summary>
    /// <param name="datagram">UDP payload; copied, so the caller may reuse its buffer.</param>
    /// <param name="exporter">Source address of the datagram.</param>
    /// <param name="now">Reception time, for template and hold expiry.</param>
    /// <param name="records">Receives decoded records.</param>
    /// <param name="error">What was wrong and at which byte, when false is returned.</param>
    public bool TryDecode(ReadOnlySpan<byte> datagram, IPAddress exporter, DateTimeOffset now, ICollection<FlowDataRecord> records, out TelemetryParseError error)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(records);
        Statistics.Datagrams++;
        if (exporter.IsIPv4MappedToIPv6)
        {
            exporter = exporter.MapToIPv4();
        }

        ExpirePending(now);
        if (datagram.Length < 2)
        {
            return Fail(new TelemetryParseError("datagram too short for a version number", 0), out error);
        }

        var owned = datagram.ToArray();
        var ok = BinaryPrimitives.ReadUInt16BigEndian(datagram) switch
        {
            5 => TryV5(owned, exporter, records, out error),
            9 => TryV9(owned, exporter, now, records, out error),
            10 => TryIpfix(owned, exporter, now, records, out error),
            var v => Fail(new TelemetryParseError($"unsupported flow export version {v}", 0), out error),
        };
        if (!ok)
        {
            Statistics.Malformed++;
        }

        return ok;
    }

    /// <summary>Decodes one datagram or throws <see cref="TelemetryFormatException"/> (after adding the records found before the fault).</summary>
    public void Decode(ReadOnlySpan<byte> datagram, IPAddress exporter, DateTimeOffset now, ICollection<FlowDataRecord> records)
    {
        if (!TryDecode(datagram, exporter, now, records, out var error))
        {
            throw new TelemetryFormatException(error);
        }
    }

    /// <summary>Forgets templates not refreshed within the lifetime and drops held sets past their timeout.</summary>
    public void Expire(DateTimeOffset now)
    {
        ExpirePending(now);
        foreach (var state in domains.Values)
        {
            foreach (var (id, entry) in state.Templates.ToList())
            {
                if (now - entry.Refreshed > options.TemplateLifetime)
                {
                    state.Templates.Remove(id);
                    Statistics.TemplatesExpired++;
                }
            }
        }
    }

    /// <summary>The live template an exporter announced, if any.</summary>
    public bool TryGetTemplate(IPAddress exporter, uint observationDomainId, ushort templateId, out FlowTemplate template)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        if (domains.TryGetValue((exporter, observationDomainId), out var state) && state.Templates.TryGetValue(templateId, out var entry))
        {
            template = entry.Template;
            return true;
        }

        template = null!;
        return false;
    }

    private static bool Fail(TelemetryParseError e, out TelemetryParseError error)
    {
        error = e;
        return false;
    }

    private bool TryV5(byte[] data, IPAddress exporter, ICollection<FlowDataRecord> records, out TelemetryParseError error)
    {
        if (data.Length < V5HeaderLength)
        {
            return Fail(new TelemetryParseError($"NetFlow v5 header needs {V5HeaderLength} bytes, datagram has {data.Length}", 0), out error);
        }

        var s = data.AsSpan();
        int count = BinaryPrimitives.ReadUInt16BigEndian(s[2..]);
        if (V5HeaderLength + (count * V5RecordLength) > data.Length)
        {
            return Fail(new TelemetryParseError($"NetFlow v5 count {count} needs {V5HeaderLength + (count * V5RecordLength)} bytes, datagram has {data.Length}", 2), out error);
        }

        var uptime = BinaryPrimitives.ReadUInt32BigEndian(s[4..]);
        var exportTime = DateTimeOffset.UnixEpoch.AddSeconds(BinaryPrimitives.ReadUInt32BigEndian(s[8..]))
            .AddTicks(BinaryPrimitives.ReadUInt32BigEndian(s[12..]) / 100);
        var domain = (uint)((s[20] << 8) | s[21]);
        var sampling = (uint)(BinaryPrimitives.ReadUInt16BigEndian(s[22..]) & 0x3FFF);
        var context = new MessageContext(FlowProtocol.NetFlowV5, exporter, domain, exportTime, uptime);
        var memory = data.AsMemory();
        for (var i = 0; i < count; i++)
        {
            var record = ReadRecord(V5Template, memory, V5HeaderLength + (i * V5RecordLength), V5RecordLength, context, Math.Max(sampling, 1), out _, out _);
            records.Add(record!);
            Statistics.Records++;
        }

        error = default;
        return true;
    }

    private bool TryV9(byte[] data, IPAddress exporter, DateTimeOffset now, ICollection<FlowDataRecord> records, out TelemetryParseError error)
    {
        if (data.Length < V9HeaderLength)
        {
            return Fail(new TelemetryParseError($"NetFlow v9 header needs {V9HeaderLength} bytes, datagram has {data.Length}", 0), out error);
        }

        var s = data.AsSpan();
        var uptime = BinaryPrimitives.ReadUInt32BigEndian(s[4..]);
        var exportTime = DateTimeOffset.UnixEpoch.AddSeconds(BinaryPrimitives.ReadUInt32BigEndian(s[8..]));
        var sourceId = BinaryPrimitives.ReadUInt32BigEndian(s[16..]);
        var context = new MessageContext(FlowProtocol.NetFlowV9, exporter, sourceId, exportTime, uptime);
        return TrySets(data, V9HeaderLength, data.Length, context, now, records, out error);
    }

    private bool TryIpfix(byte[] data, IPAddress exporter, DateTimeOffset now, ICollection<FlowDataRecord> records, out TelemetryParseError error)
    {
        if (data.Length < IpfixHeaderLength)
        {
            return Fail(new TelemetryParseError($"IPFIX header needs {IpfixHeaderLength} bytes, datagram has {data.Length}", 0), out error);
        }

        var s = data.AsSpan();
        int length = BinaryPrimitives.ReadUInt16BigEndian(s[2..]);
        if (length < IpfixHeaderLength || length > data.Length)
        {
            return Fail(new TelemetryParseError($"IPFIX message length {length} does not fit the {data.Length}-byte datagram", 2), out error);
        }

        var exportTime = DateTimeOffset.UnixEpoch.AddSeconds(BinaryPrimitives.ReadUInt32BigEndian(s[4..]));
        var domain = BinaryPrimitives.ReadUInt32BigEndian(s[12..]);
        var context = new MessageContext(FlowProtocol.Ipfix, exporter, domain, exportTime, null);
        return TrySets(data, IpfixHeaderLength, length, context, now, records, out error);
    }

    private bool TrySets(byte[] data, int pos, int end, MessageContext context, DateTimeOffset now, ICollection<FlowDataRecord> records, out TelemetryParseError error)
    {
        var ipfix = context.Protocol == FlowProtocol.Ipfix;
        var state = State(context);
        while (end - pos >= 4)
        {
            var setId = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(pos));
            int setLength = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(pos + 2));
            if (setLength < 4 || pos + setLength > end)
            {
                return Fail(new TelemetryParseError($"set {setId} length {setLength} does not fit the {end - pos} bytes left", pos + 2), out error);
            }

            var bodyStart = pos + 4;
            var bodyEnd = pos + setLength;
            bool ok;
            if ((ipfix && setId == 2) || (!ipfix && setId == 0))
            {
                ok = TryTemplates(data, bodyStart, bodyEnd, isOptions: false, context, state, now, records, out error);
            }
            else if ((ipfix && setId == 3) || (!ipfix && setId == 1))
            {
                ok = TryTemplates(data, bodyStart, bodyEnd, isOptions: true, context, state, now, records, out error);
            }
            else if (setId < 256)
            {
                Statistics.SkippedSets++;
                ok = true;
                error = default;
            }
            else if (state.TryGetTemplate(setId, now, options.TemplateLifetime, Statistics, out var template))
            {
                ok = TryDataSet(template, data.AsMemory(), bodyStart, bodyEnd, context, state, records, out error);
            }
            else
            {
                Hold(new PendingSet(context, setId, data.AsMemory(bodyStart, bodyEnd - bodyStart), now));
                ok = true;
                error = default;
            }

            if (!ok)
            {
                return false;
            }

            pos = bodyEnd;
        }

        error = default;
        return true;
    }

    private bool TryTemplates(byte[] data, int pos, int end, bool isOptions, MessageContext context, DomainState state, DateTimeOffset now, ICollection<FlowDataRecord> records, out TelemetryParseError error)
    {
        var ipfix = context.Protocol == FlowProtocol.Ipfix;
        // Anything shorter than a template header at the end of a set is padding.
        while (end - pos >= 4)
        {
            var recordStart = pos;
            var templateId = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(pos));
            int fieldCount = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(pos + 2));
            if (ipfix && fieldCount == 0)
            {
                Withdraw(state, templateId, isOptions);
                pos += 4;
                continue;
            }

            if (templateId < 256)
            {
                if (!ipfix && templateId == 0 && fieldCount == 0)
                {
                    break; // NetFlow v9 pads template flowsets with zeros
                }

                return Fail(new TelemetryParseError($"template id {templateId} is below 256", pos), out error);
            }

            int scopeCount;
            int totalFields;
            if (!isOptions)
            {
                scopeCount = 0;
                totalFields = fieldCount;
                pos += 4;
            }
            else if (ipfix)
            {
                if (end - pos < 6)
                {
                    return Fail(new TelemetryParseError("options template header truncated", pos), out error);
                }

                scopeCount = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(pos + 4));
                totalFields = fieldCount;
                if (scopeCount == 0 || scopeCount > totalFields)
                {
                    return Fail(new TelemetryParseError($"options template {templateId} scope field count {scopeCount} must be 1..{totalFields}", pos + 4), out error);
                }

                pos += 6;
            }
            else
            {
                if (end - pos < 6)
                {
                    return Fail(new TelemetryParseError("options template header truncated", pos), out error);
                }

                // NetFlow v9 gives the scope and option sections' lengths in bytes, four per field.
                int scopeBytes = fieldCount;
                int optionBytes = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(pos + 4));
                if (scopeBytes % 4 != 0 || optionBytes % 4 != 0)
                {
                    return Fail(new TelemetryParseError("NetFlow v9 options template section lengths must be multiples of 4", pos + 2), out error);
                }

                scopeCount = scopeBytes / 4;
                totalFields = scopeCount + (optionBytes / 4);
                pos += 6;
            }

            var fields = new TemplateField[totalFields];
            for (var i = 0; i < totalFields; i++)
            {
                if (end - pos < 4)
                {
                    return Fail(new TelemetryParseError($"template {templateId} field {i} truncated", pos), out error);
                }

                var rawId = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(pos));
                var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(pos + 2));
                pos += 4;
                uint enterprise = 0;
                var id = rawId;
                if (ipfix && (rawId & 0x8000) != 0)
                {
                    if (end - pos < 4)
                    {
                        return Fail(new TelemetryParseError($"template {templateId} field {i} enterprise number truncated", pos), out error);
                    }

                    id = (ushort)(rawId & 0x7FFF);
                    enterprise = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(pos));
                    pos += 4;
                }

                if (!ipfix && length == TemplateField.VariableLength)
                {
                    return Fail(new TelemetryParseError($"template {templateId} field {i}: NetFlow v9 has no variable-length fields", pos - 2), out error);
                }

                var isScope = i < scopeCount;
                var element = isScope && !ipfix ? InformationElementRegistry.NetFlowV9Scope(id) : InformationElementRegistry.Get(id, enterprise);
                fields[i] = new TemplateField(element, length, isScope);
            }

            var template = new FlowTemplate(templateId, fields, isOptions);
            if (template.MinimumRecordLength == 0)
            {
                return Fail(new TelemetryParseError($"template {templateId} describes zero-length records", recordStart), out error);
            }

            state.Templates[templateId] = new TemplateEntry(template, now);
            Statistics.TemplatesLearned++;
            ReleasePending(context, templateId, template, state, records);
        }

        error = default;
        return true;
    }

    private void Withdraw(DomainState state, ushort templateId, bool isOptions)
    {
        // RFC 7011 8.1: withdrawing id 2 (or 3) withdraws every data (or options) template of the domain.
        if (templateId is 2 or 3)
        {
            foreach (var (id, entry) in state.Templates.ToList())
            {
                if (entry.Template.IsOptions == (templateId == 3))
                {
                    state.Templates.Remove(id);
                    Statistics.TemplatesWithdrawn++;
                }
            }

            return;
        }

        if (state.Templates.TryGetValue(templateId, out var existing) && existing.Template.IsOptions == isOptions)
        {
            state.Templates.Remove(templateId);
            Statistics.TemplatesWithdrawn++;
        }
    }

    private bool TryDataSet(FlowTemplate template, ReadOnlyMemory<byte> data, int pos, int end, MessageContext context, DomainState state, ICollection<FlowDataRecord> records, out TelemetryParseError error)
    {
        // Trailing bytes shorter than one record are set padding (RFC 7011 3.3.1, RFC 3954 5.3).
        while (end - pos >= template.MinimumRecordLength)
        {
            var record = ReadRecord(template, data, pos, end - pos, context, state.SamplingInterval, out var used, out var fault);
            if (record is not null && state.SystemInit is { } boot)
            {
                record = record with { SystemInitTime = boot };
            }

            if (record is null)
            {
                return Fail(new TelemetryParseError(fault!, pos + used), out error);
            }

            pos += used;
            if (template.IsOptions)
            {
                state.Learn(record);
                Statistics.OptionsRecords++;
            }
            else
            {
                if (state.Samplers.Count > 0 && (record.TryGet(InformationElementRegistry.Ids.SamplerId, out var sampler) || record.TryGet(InformationElementRegistry.Ids.SelectorId, out sampler))
                    && state.Samplers.TryGetValue(sampler.AsUInt64(), out var interval))
                {
                    record = record with { SamplingInterval = interval };
                }

                Statistics.Records++;
            }

            records.Add(record);
        }

        error = default;
        return true;
    }

    private static FlowDataRecord? ReadRecord(FlowTemplate template, ReadOnlyMemory<byte> data, int start, int available, MessageContext context, uint sampling, out int used, out string? fault)
    {
        var fields = new FlowField[template.Fields.Count];
        var span = data.Span;
        var p = start;
        var end = start + available;
        for (var i = 0; i < fields.Length; i++)
        {
            var spec = template.Fields[i];
            int length = spec.Length;
            if (length == TemplateField.VariableLength)
            {
                if (p >= end)
                {
                    used = p - start;
                    fault = $"variable-length field {spec.Element.Name} has no length byte";
                    return null;
                }

                length = span[p++];
                if (length == 255)
                {
                    if (end - p < 2)
                    {
                        used = p - start;
                        fault = $"variable-length field {spec.Element.Name} has a truncated 3-byte length";
                        return null;
                    }

                    length = BinaryPrimitives.ReadUInt16BigEndian(span[p..]);
                    p += 2;
                }
            }

            if (end - p < length)
            {
                used = p - start;
                fault = $"field {spec.Element.Name} needs {length} bytes, {end - p} left in the set";
                return null;
            }

            fields[i] = new FlowField(spec.Element, data.Slice(p, length));
            p += length;
        }

        used = p - start;
        fault = null;
        return new FlowDataRecord(context.Protocol, context.Exporter, context.Domain, template.TemplateId, template.IsOptions, context.ExportTime, context.Uptime, fields)
        {
            SamplingInterval = sampling,
        };
    }

    private DomainState State(MessageContext context)
    {
        var key = (context.Exporter, context.Domain);
        if (!domains.TryGetValue(key, out var state))
        {
            state = new DomainState();
            domains[key] = state;
        }

        return state;
    }

    private void Hold(PendingSet set)
    {
        if (options.MaxPendingSets <= 0)
        {
            Statistics.PendingDropped++;
            return;
        }

        while (pending.Count >= options.MaxPendingSets)
        {
            pending.RemoveFirst();
            Statistics.PendingDropped++;
        }

        pending.AddLast(set);
        Statistics.PendingHeld++;
    }

    private void ReleasePending(MessageContext context, ushort templateId, FlowTemplate template, DomainState state, ICollection<FlowDataRecord> records)
    {
        var node = pending.First;
        while (node is not null)
        {
            var next = node.Next;
            var set = node.Value;
            if (set.TemplateId == templateId && set.Context.Domain == context.Domain && set.Context.Exporter.Equals(context.Exporter)
                && set.Context.Protocol == context.Protocol)
            {
                pending.Remove(node);
                Statistics.PendingDecoded++;
                if (!TryDataSet(template, set.Body, 0, set.Body.Length, set.Context, state, records, out _))
                {
                    Statistics.Malformed++;
                }
            }

            node = next;
        }
    }

    private void ExpirePending(DateTimeOffset now)
    {
        while (pending.First is { } first && now - first.Value.Arrived > options.PendingTimeout)
        {
            pending.RemoveFirst();
            Statistics.PendingExpired++;
        }
    }

    private static FlowTemplate BuildV5Template()
    {
        // The fixed NetFlow v5 record expressed as a template, so v5 shares the v9/IPFIX record path.
        (ushort Id, ushort Length)[] layout =
        [
            (8, 4), (12, 4), (15, 4), (10, 2), (14, 2), (2, 4), (1, 4), (22, 4), (21, 4), (7, 2), (11, 2),
            (210, 1), (6, 1), (4, 1), (5, 1), (16, 2), (17, 2), (9, 1), (13, 1), (210, 2),
        ];
        return new FlowTemplate(0, layout.Select(f => new TemplateField(InformationElementRegistry.Get(f.Id), f.Length, false)).ToArray(), false);
    }

    private readonly record struct MessageContext(FlowProtocol Protocol, IPAddress Exporter, uint Domain, DateTimeOffset ExportTime, long? Uptime);

    private readonly record struct TemplateEntry(FlowTemplate Template, DateTimeOffset Refreshed);

    private sealed record PendingSet(MessageContext Context, ushort TemplateId, ReadOnlyMemory<byte> Body, DateTimeOffset Arrived);

    private sealed class DomainState
    {
        public Dictionary<ushort, TemplateEntry> Templates { get; } = [];

        public Dictionary<ulong, uint> Samplers { get; } = [];

        public uint SamplingInterval { get; private set; } = 1;

        public DateTimeOffset? SystemInit { get; private set; }

        public bool TryGetTemplate(ushort id, DateTimeOffset now, TimeSpan lifetime, FlowDecoderStatistics statistics, out FlowTemplate template)
        {
            if (Templates.TryGetValue(id, out var entry))
            {
                if (now - entry.Refreshed <= lifetime)
                {
                    template = entry.Template;
                    return true;
                }

                Templates.Remove(id);
                statistics.TemplatesExpired++;
            }

            template = null!;
            return false;
        }

        public void Learn(FlowDataRecord options)
        {
            if (options.TryGet(InformationElementRegistry.Ids.SystemInitTimeMilliseconds, out var init))
            {
                SystemInit = init.AsDateTime();
            }

            ulong interval = 0;
            // PSAMP (RFC 5477): n-out-of-N random sampling reports size and population, count-based sampling
            // reports interval and space; NetFlow v9 reports a plain 1-in-N interval.
            if (options.TryGet(InformationElementRegistry.Ids.SamplingPopulation, out var population)
                && options.TryGet(InformationElementRegistry.Ids.SamplingSize, out var size) && size.AsUInt64() > 0)
            {
                interval = population.AsUInt64() / size.AsUInt64();
            }
            else if (options.TryGet(InformationElementRegistry.Ids.SamplingPacketInterval, out var taken) && taken.AsUInt64() > 0)
            {
                interval = options.TryGet(InformationElementRegistry.Ids.SamplingPacketSpace, out var space)
                    ? (taken.AsUInt64() + space.AsUInt64()) / taken.AsUInt64()
                    : taken.AsUInt64();
            }
            else if (options.TryGet(InformationElementRegistry.Ids.SamplingInterval, out var f) || options.TryGet(InformationElementRegistry.Ids.SamplerRandomInterval, out f))
            {
                interval = f.AsUInt64();
            }

            if (interval == 0)
            {
                return;
            }

            var value = (uint)Math.Min(interval, uint.MaxValue);

            if (options.TryGet(InformationElementRegistry.Ids.SamplerId, out var id) || options.TryGet(InformationElementRegistry.Ids.SelectorId, out id))
            {
                Samplers[id.AsUInt64()] = value;
            }

            // Exporters with a single sampler often omit the sampler id from data records; the latest announcement applies.
            SamplingInterval = value;
        }
    }
}
