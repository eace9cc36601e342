namespace OrleansNetOps.Telemetry.Tests.Robustness;

/// <summary>Deterministic corruptions of real inputs: truncations, bit flips and byte overwrites.</summary>
internal static class Mutations
{
    public static IEnumerable<byte[]> Of(byte[] original, Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var copy = (byte[])original.Clone();
            switch (i % 4)
            {
                case 0:
                    yield return copy[..random.Next(0, Math.Max(1, copy.Length))];
                    break;
                case 1:
                    for (var flips = random.Next(1, 4); flips > 0 && copy.Length > 0; flips--)
                    {
                        copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                    }

                    yield return copy;
                    break;
                case 2:
                    if (copy.Length > 0)
                    {
                        copy[random.Next(copy.Length)] = (byte)random.Next(256);
                    }

                    yield return copy[..random.Next(0, Math.Max(1, copy.Length))];
                    break;
                default:
                    // Length fields are where parsers go wrong: hit the first bytes hardest.
                    if (copy.Length > 0)
                    {
                        var at = random.Next(Math.Min(copy.Length, 48));
                        copy[at] = (byte)(random.Next(2) == 0 ? 0xFF : 0x00);
                    }

                    yield return copy;
                    break;
            }
        }
    }
}
