using System.Collections.Immutable;

namespace OrleansNetOps.Drivers;

/// <summary>
/// Something that must hold on the device after a change: a configuration line present or absent inside a
/// context (the block headers above it, outermost first). An empty context is the top level.
/// </summary>
/// <param name="Context">Enclosing block headers, e.g. <c>["router bgp 65001", "address-family ipv4 unicast"]</c>.</param>
/// <param name="Line">The line, as the device prints it.</param>
/// <param name="Present">True when the line must be there, false when it must be gone.</param>
public sealed record DeviceExpectation(ImmutableArray<string> Context, string Line, bool Present)
{
    /// <summary>Equal when context, line and presence are equal (the context compared element by element).</summary>
    public bool Equals(DeviceExpectation? other) =>
        other is not null && Present == other.Present && Line == other.Line && Context.AsSpan().SequenceEqual(other.Context.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Present);
        hash.Add(Line);
        foreach (var header in Context.IsDefault ? [] : Context)
        {
            hash.Add(header);
        }

        return hash.ToHashCode();
    }

    /// <summary><c>present: route-map RM-ISP-A-IN permit 120 › set local-preference 200</c>.</summary>
    public override string ToString() =>
        (Present ? "present: " : "absent: ") + string.Join(" › ", Context.IsDefault ? [Line] : Context.Add(Line));
}
