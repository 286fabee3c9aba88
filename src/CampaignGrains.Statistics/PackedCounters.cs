using System.Buffers.Binary;

namespace CampaignGrains.Statistics;

/// <summary>
/// A growable array of non-negative counters that all take the width the largest of them needs: one byte each
/// until one passes 255, then two, four, and at most <c>maxWidth</c>. Most counters of a campaign's statistics
/// (a five-minute bucket, a domain's hour) stay small, so they take a quarter or an eighth of fixed-width ones;
/// a counter never narrows again, so the worst case takes what fixed-width counters take.
/// </summary>
internal sealed class PackedCounters
{
    private readonly int _maxWidth;
    private byte[] _bytes = [];
    private int _width = 1;

    /// <param name="maxWidth">4 where a counter cannot pass 2^32 - 1 (an hour or less of one grain's events), else 8.</param>
    public PackedCounters(int maxWidth)
    {
        if (maxWidth is not (4 or 8)) throw new ArgumentOutOfRangeException(nameof(maxWidth), maxWidth, "4 or 8 bytes.");
        _maxWidth = maxWidth;
    }

    public int Length { get; private set; }

    public long this[int index]
    {
        get
        {
            var at = _bytes.AsSpan(index * _width, _width);
            return _width switch
            {
                1 => at[0],
                2 => BinaryPrimitives.ReadUInt16LittleEndian(at),
                4 => BinaryPrimitives.ReadUInt32LittleEndian(at),
                _ => BinaryPrimitives.ReadInt64LittleEndian(at),
            };
        }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            var width = WidthOf(value);
            if (width > _maxWidth) throw new OverflowException($"A counter of {value} does not fit in {_maxWidth} bytes.");
            if (width > _width) Widen(width);
            var at = _bytes.AsSpan(index * _width, _width);
            switch (_width)
            {
                case 1: at[0] = (byte)value; break;
                case 2: BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)value); break;
                case 4: BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)value); break;
                default: BinaryPrimitives.WriteInt64LittleEndian(at, value); break;
            }
        }
    }

    public void Increment(int index) => this[index] = this[index] + 1;

    /// <summary>
    /// Makes room for <paramref name="length"/> counters at once. Growth is otherwise exact, not geometric: the
    /// counters of a grain grow a bounded number of times (an hour opened, a key admitted), and room held in
    /// reserve would be a tenth of its state.
    /// </summary>
    public void EnsureCapacity(int length)
    {
        if (length * _width > _bytes.Length) Array.Resize(ref _bytes, length * _width);
    }

    /// <summary>Inserts <paramref name="count"/> zero counters at <paramref name="index"/>, moving the ones after it.</summary>
    public void Insert(int index, int count)
    {
        EnsureCapacity(Length + count);
        _bytes.AsSpan(index * _width, (Length - index) * _width).CopyTo(_bytes.AsSpan((index + count) * _width));
        _bytes.AsSpan(index * _width, count * _width).Clear();
        Length += count;
    }

    /// <summary>Removes <paramref name="count"/> counters at <paramref name="index"/>, moving the ones after it.</summary>
    public void Remove(int index, int count)
    {
        _bytes.AsSpan((index + count) * _width, (Length - index - count) * _width).CopyTo(_bytes.AsSpan(index * _width));
        Length -= count;
        _bytes.AsSpan(Length * _width, count * _width).Clear();
    }

    /// <summary>The run of counters from <paramref name="first"/>, one per metric of <paramref name="metrics"/> in column order, as counts.</summary>
    public MetricCounts Unpack(int first, MetricMask metrics)
    {
        var counts = default(MetricCounts);
        var column = first;
        for (var i = 0; i < MetricCounts.Length; i++)
        {
            if (metrics.Contains((Metric)i)) counts[i] = this[column++];
        }
        return counts;
    }

    /// <summary>
    /// Sets the run of counters from <paramref name="first"/> from a stored record's counts; refuses a metric outside
    /// <paramref name="metrics"/> or a count these counters cannot hold, naming <paramref name="holder"/>.
    /// </summary>
    public void Pack(int first, MetricMask metrics, in MetricCounts counts, string holder)
    {
        var max = _maxWidth == 4 ? uint.MaxValue : long.MaxValue;
        for (var i = 0; i < MetricCounts.Length; i++)
        {
            var metric = (Metric)i;
            if (counts[i] == 0) continue;
            if (!metrics.Contains(metric)) throw new InvalidDataException($"{holder} holds {metric}, which is not counted here.");
            if (counts[i] < 0 || counts[i] > max) throw new InvalidDataException($"{holder} holds {counts[i]} {metric}, beyond a {_maxWidth * 8}-bit counter.");
            this[first + metrics.ColumnOf(metric)] = counts[i];
        }
    }

    /// <summary>Appends <paramref name="count"/> zero counters.</summary>
    public void Append(int count) => Insert(Length, count);

    /// <summary>Sets <paramref name="count"/> counters from <paramref name="index"/> to zero.</summary>
    public void Clear(int index, int count) => _bytes.AsSpan(index * _width, count * _width).Clear();

    private static int WidthOf(long value) => value switch
    {
        <= byte.MaxValue => 1,
        <= ushort.MaxValue => 2,
        <= uint.MaxValue => 4,
        _ => 8,
    };

    private void Widen(int width)
    {
        var counters = new long[Length];
        for (var i = 0; i < Length; i++) counters[i] = this[i];
        var old = _width;
        _width = width;
        _bytes = new byte[_bytes.Length / old * width];
        for (var i = 0; i < Length; i++) this[i] = counters[i];
    }
}
