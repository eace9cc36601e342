using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// Flattens paths through <see cref="ValleyFree.Flatten"/> once per path object: the prefixes of one UPDATE share one
/// path (and the MRT and BMP decoders intern attribute sets), so consecutive updates mostly hit.
/// </summary>
internal sealed class FlatPathCache
{
    private AsPath? _path;
    private uint[] _flattened = [];

    public uint[] Flatten(AsPath? path)
    {
        if (path is null)
        {
            return [];
        }

        if (!ReferenceEquals(path, _path))
        {
            _path = path;
            _flattened = ValleyFree.Flatten(path);
        }

        return _flattened;
    }
}
