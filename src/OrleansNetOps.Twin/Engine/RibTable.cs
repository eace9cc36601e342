using System.Runtime.CompilerServices;
using OrleansNetOps.Bgp.Decision;

namespace OrleansNetOps.Twin.Engine;

/// <summary>
/// One node's RIB by prefix id: per prefix a row of candidate slots (slot 0 its own origination, slot i + 1 the path
/// accepted from session i), the index of the selected slot and the selected path (what the node advertises, kept
/// apart because a new path can replace the selected one in its slot before the decision runs again).
/// <para>
/// Prefixes live in fixed-size chunks, each a set of columns (one array per slot, plus the selected index and path),
/// so a full table costs a few large arrays rather than an object per prefix. A <see cref="Fork"/> shares every
/// chunk with its parent and copies a column the first time it writes to it (copy-on-write at column granularity:
/// a change that rewrites one session's paths copies that session's column only). Chunks and columns are stamped
/// with the table that may write them, and forking a table gives the parent a new stamp, so nothing a fork can see
/// is ever written again.
/// </para>
/// </summary>
internal sealed class RibTable
{
    private const int Shift = 10;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    private readonly int _width;
    private readonly bool _isFork;
    private bool _sealed;
    private Chunk?[] _chunks;
    private object _stamp = new();
    private int _written;

    private RibTable(int width, Chunk?[] chunks, bool isFork)
    {
        _width = width;
        _chunks = chunks;
        _isFork = isFork;
    }

    /// <summary>Slots per prefix (sessions + 1).</summary>
    public int Width => _width;

    /// <summary>For a fork: how many rows it wrote (its own entries); 0 for a base.</summary>
    public int OverlayCount => _isFork ? _written : 0;

    public static RibTable Root(int width, int capacity) => new(width, new Chunk?[Math.Max(1, (capacity + Mask) >> Shift)], isFork: false);

    /// <summary>
    /// A copy-on-write child. Forking a sealed table writes nothing, so any number of threads may fork and read one at
    /// once; forking an unsealed table gives it a new stamp (one thread at a time).
    /// </summary>
    public RibTable Fork()
    {
        if (!_sealed)
        {
            _stamp = new object();
        }

        return new RibTable(_width, (Chunk?[])_chunks.Clone(), isFork: true);
    }

    /// <summary>Ends writing: the table is read-only from now on (writes throw), and its chunks belong to no writer.</summary>
    public void Seal()
    {
        _stamp = new object();
        _sealed = true;
    }

    public bool Exists(int id) => ChunkOf(id) is { } chunk && chunk.Exists(id & Mask);

    public CandidatePath? PathAt(int id, int slot) => ChunkOf(id) is { } chunk ? chunk.Columns[slot][id & Mask] : null;

    public CandidatePath? BestPath(int id) => ChunkOf(id)?.Selected[id & Mask];

    public int Best(int id) => ChunkOf(id) is { } chunk ? chunk.Best[id & Mask] : -1;

    /// <summary>Copies the candidate row of a prefix into <paramref name="row"/> (nulls when it has none).</summary>
    public void ReadRow(int id, Span<CandidatePath?> row)
    {
        if (ChunkOf(id) is not { } chunk)
        {
            row.Clear();
            return;
        }

        var r = id & Mask;
        for (var slot = 0; slot < _width; slot++)
        {
            row[slot] = chunk.Columns[slot][r];
        }
    }

    public void SetPath(int id, int slot, CandidatePath? path)
    {
        var chunk = Writable(id);
        chunk.Column(slot, _stamp)[id & Mask] = path;
    }

    public void SetBest(int id, int best)
    {
        var chunk = Writable(id);
        var row = id & Mask;
        chunk.BestColumn(_stamp)[row] = best;
        chunk.SelectedColumn(_stamp)[row] = best < 0 ? null : chunk.Columns[best][row];
    }

    /// <summary>Mixes every prefix's row (candidate objects by identity, selected slot) into <paramref name="hashes"/>, chunk by chunk.</summary>
    public void AddRowHashes(int[] hashes)
    {
        for (var index = 0; (long)index << Shift < hashes.Length; index++)
        {
            var first = index << Shift;
            var rows = Math.Min(ChunkSize, hashes.Length - first);
            var target = hashes.AsSpan(first, rows);
            if (index >= _chunks.Length || _chunks[index] is not { } chunk)
            {
                for (var row = 0; row < rows; row++)
                {
                    target[row] = unchecked((target[row] * 31) - 1);
                }

                continue;
            }

            foreach (var column in chunk.Columns)
            {
                for (var row = 0; row < rows; row++)
                {
                    target[row] = unchecked((target[row] * 31) + (column[row] is { } path ? RuntimeHelpers.GetHashCode(path) : 0));
                }
            }

            var best = chunk.Best;
            for (var row = 0; row < rows; row++)
            {
                target[row] = unchecked((target[row] * 31) + best[row]);
            }
        }
    }

    /// <summary>True when two prefixes hold the very same objects in every slot and selected the same one.</summary>
    public bool SameRow(int a, int b)
    {
        var left = ChunkOf(a);
        var right = ChunkOf(b);
        if (left is null || right is null)
        {
            return (left is null || left.IsEmptyRow(a & Mask)) && (right is null || right.IsEmptyRow(b & Mask));
        }

        var x = a & Mask;
        var y = b & Mask;
        if (left.Best[x] != right.Best[y] || !ReferenceEquals(left.Selected[x], right.Selected[y]))
        {
            return false;
        }

        for (var slot = 0; slot < _width; slot++)
        {
            if (!ReferenceEquals(left.Columns[slot][x], right.Columns[slot][y]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Makes row <paramref name="to"/> hold what row <paramref name="from"/> holds, writing only the columns that differ.</summary>
    public void CopyRow(int from, int to)
    {
        var source = ChunkOf(from);
        var target = Writable(to);
        var x = from & Mask;
        var y = to & Mask;
        for (var slot = 0; slot < _width; slot++)
        {
            var path = source?.Columns[slot][x];
            if (!ReferenceEquals(target.Columns[slot][y], path))
            {
                target.Column(slot, _stamp)[y] = path;
            }
        }

        var best = source?.Best[x] ?? -1;
        if (target.Best[y] != best)
        {
            target.BestColumn(_stamp)[y] = best;
        }

        var selected = source?.Selected[x];
        if (!ReferenceEquals(target.Selected[y], selected))
        {
            target.SelectedColumn(_stamp)[y] = selected;
        }
    }

    private Chunk? ChunkOf(int id)
    {
        var index = id >> Shift;
        return (uint)index < (uint)_chunks.Length ? _chunks[index] : null;
    }

    private Chunk Writable(int id)
    {
        if (_sealed)
        {
            throw new InvalidOperationException("a sealed RIB is read-only: fork it to change it");
        }

        var index = id >> Shift;
        if (index >= _chunks.Length)
        {
            Array.Resize(ref _chunks, Math.Max(index + 1, _chunks.Length * 2));
        }

        var chunk = _chunks[index];
        if (chunk is null || !ReferenceEquals(chunk.Stamp, _stamp))
        {
            chunk = chunk is null ? new Chunk(_width, _stamp) : chunk.ShareWith(_stamp);
            _chunks[index] = chunk;
        }

        if (_isFork && chunk.MarkWritten(id & Mask))
        {
            _written++;
        }

        return chunk;
    }

    /// <summary>
    /// One chunk's columns. The shell belongs to one table (its stamp); each column records the stamp it was made
    /// under and is copied before that table's first write to it when it came from another table.
    /// </summary>
    private sealed class Chunk
    {
        private readonly object?[] _columnStamps;
        private object? _bestStamp;
        private object? _selectedStamp;
        private bool[]? _written;

        public Chunk(int width, object stamp)
        {
            Stamp = stamp;
            Columns = new CandidatePath?[width][];
            _columnStamps = new object?[width];
            for (var slot = 0; slot < width; slot++)
            {
                Columns[slot] = new CandidatePath?[ChunkSize];
                _columnStamps[slot] = stamp;
            }

            Best = new int[ChunkSize];
            Array.Fill(Best, -1);
            Selected = new CandidatePath?[ChunkSize];
            _bestStamp = stamp;
            _selectedStamp = stamp;
        }

        private Chunk(Chunk source, object stamp)
        {
            Stamp = stamp;
            Columns = (CandidatePath?[][])source.Columns.Clone();
            _columnStamps = new object?[Columns.Length];
            Best = source.Best;
            Selected = source.Selected;
        }

        public object Stamp { get; }

        public CandidatePath?[][] Columns { get; }

        public int[] Best { get; private set; }

        public CandidatePath?[] Selected { get; private set; }

        /// <summary>A shell for another table over the same columns (copied when that table first writes them).</summary>
        public Chunk ShareWith(object stamp) => new(this, stamp);

        public CandidatePath?[] Column(int slot, object stamp)
        {
            if (!ReferenceEquals(_columnStamps[slot], stamp))
            {
                Columns[slot] = (CandidatePath?[])Columns[slot].Clone();
                _columnStamps[slot] = stamp;
            }

            return Columns[slot];
        }

        public int[] BestColumn(object stamp)
        {
            if (!ReferenceEquals(_bestStamp, stamp))
            {
                Best = (int[])Best.Clone();
                _bestStamp = stamp;
            }

            return Best;
        }

        public CandidatePath?[] SelectedColumn(object stamp)
        {
            if (!ReferenceEquals(_selectedStamp, stamp))
            {
                Selected = (CandidatePath?[])Selected.Clone();
                _selectedStamp = stamp;
            }

            return Selected;
        }

        public bool Exists(int row)
        {
            if (Selected[row] is not null)
            {
                return true;
            }

            foreach (var column in Columns)
            {
                if (column[row] is not null)
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsEmptyRow(int row) => Best[row] < 0 && !Exists(row);

        public bool MarkWritten(int row)
        {
            _written ??= new bool[ChunkSize];
            if (_written[row])
            {
                return false;
            }

            _written[row] = true;
            return true;
        }
    }
}
