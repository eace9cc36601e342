using System.Buffers.Binary;

namespace OrleansNetOps.Telemetry.Tests.Flows;

/// <summary>Writes IPFIX and NetFlow v9 messages field by field, for exact decoder tests.</summary>
internal sealed class ExportMessageBuilder
{
    private readonly List<byte> bytes = [];
    private int setStart = -1;

    public ExportMessageBuilder U8(int v)
    {
        bytes.Add((byte)v);
        return this;
    }

    public ExportMessageBuilder U16(int v)
    {
        bytes.Add((byte)(v >> 8));
        bytes.Add((byte)v);
        return this;
    }

    public ExportMessageBuilder U32(uint v) => U16((int)(v >> 16)).U16((int)(v & 0xFFFF));

    public ExportMessageBuilder U64(ulong v) => U32((uint)(v >> 32)).U32((uint)v);

    public ExportMessageBuilder Bytes(params byte[] data)
    {
        bytes.AddRange(data);
        return this;
    }

    public ExportMessageBuilder Ipfix(uint exportTime, uint domain, uint sequence = 0) => U16(10).U16(0).U32(exportTime).U32(sequence).U32(domain);

    public ExportMessageBuilder NetFlowV9(uint uptime, uint unixSeconds, uint sourceId, int count = 0) => U16(9).U16(count).U32(uptime).U32(unixSeconds).U32(0).U32(sourceId);

    public ExportMessageBuilder Set(int id)
    {
        EndSet();
        setStart = bytes.Count;
        return U16(id).U16(0);
    }

    /// <summary>Template record header plus (id, length) pairs; enterprise fields use (id | 0x8000, length, pen).</summary>
    public ExportMessageBuilder Template(int templateId, params (int Id, int Length)[] fields)
    {
        U16(templateId).U16(fields.Length);
        foreach (var (id, length) in fields)
        {
            U16(id).U16(length);
        }

        return this;
    }

    public byte[] Build()
    {
        EndSet();
        var result = bytes.ToArray();
        if (result.Length >= 4 && result[0] == 0 && result[1] == 10)
        {
            BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(2), (ushort)result.Length);
        }

        return result;
    }

    private void EndSet()
    {
        if (setStart < 0)
        {
            return;
        }

        var length = bytes.Count - setStart;
        bytes[setStart + 2] = (byte)(length >> 8);
        bytes[setStart + 3] = (byte)length;
        setStart = -1;
    }
}
