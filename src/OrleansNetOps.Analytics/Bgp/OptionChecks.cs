namespace OrleansNetOps.Analytics.Bgp;

/// <summary>The one way detector options refuse a bad value: naming the option set, the option and the value.</summary>
internal static class OptionChecks
{
    public static void Require(bool condition, string options, string name, object value)
    {
        if (!condition)
        {
            throw new ArgumentException($"{options} {name} is out of range: {value}", name);
        }
    }
}
