using System.Globalization;

namespace OrleansNetOps.Lab.Scenarios;

/// <summary>Prepends an AS to AS_PATH several times (usually our own AS, outbound, to make a path less attractive).</summary>
/// <param name="Asn">The AS to prepend.</param>
/// <param name="Count">How many times, 1 to 10.</param>
public sealed record PrependAsPath(uint Asn, int Count) : PolicyAction
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"prepend={Asn}x{Count}");

    /// <summary>Parses <c>ASNxCOUNT</c> or just <c>ASN</c> (once).</summary>
    public static new PrependAsPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('x');
        var count = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
        if (count is < 1 or > 10)
        {
            throw new FormatException($"prepend count {count} must be 1 to 10");
        }

        return new PrependAsPath(uint.Parse(parts[0], CultureInfo.InvariantCulture), count);
    }
}
