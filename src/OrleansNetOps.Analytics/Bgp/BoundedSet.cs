namespace OrleansNetOps.Analytics.Bgp;

/// <summary>A set that forgets its oldest members beyond a capacity: "reported already" memory that cannot grow without bound.</summary>
internal sealed class BoundedSet<T>(int capacity)
    where T : notnull
{
    private readonly HashSet<T> _members = [];
    private readonly Queue<T> _order = new();

    public int Count => _members.Count;

    public IEnumerable<T> Members => _order;

    /// <summary>Adds; false when already present.</summary>
    public bool Add(T item)
    {
        if (!_members.Add(item))
        {
            return false;
        }

        _order.Enqueue(item);
        if (_order.Count > capacity)
        {
            _members.Remove(_order.Dequeue());
        }

        return true;
    }
}
