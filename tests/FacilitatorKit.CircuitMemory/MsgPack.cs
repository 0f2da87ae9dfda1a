using System.Buffers.Binary;
using System.Text;

namespace FacilitatorKit.CircuitMemory;

/// <summary>
/// The little of MessagePack that SignalR's MessagePack hub protocol (named "blazorpack" by Blazor) needs: nil, booleans,
/// integers, floats, strings, binary, arrays and maps, and the frames' variable-length size prefix.
/// </summary>
internal static class MsgPack
{
    /// <summary>Writes one hub message: its size as a base-128 varint, then the MessagePack array.</summary>
    public static byte[] Frame(Action<Writer> write)
    {
        var body = new Writer();
        write(body);
        var payload = body.ToArray();
        var frame = new List<byte>(payload.Length + 5);
        var size = (uint)payload.Length;
        do
        {
            var b = (byte)(size & 0x7f);
            size >>= 7;
            frame.Add(size > 0 ? (byte)(b | 0x80) : b);
        }
        while (size > 0);

        frame.AddRange(payload);
        return [.. frame];
    }

    /// <summary>Reads a frame's size prefix; false when the buffer does not hold all of it yet.</summary>
    public static bool TryReadFrameSize(ReadOnlySpan<byte> buffer, out int size, out int prefixLength)
    {
        size = 0;
        prefixLength = 0;
        var shift = 0;
        while (prefixLength < buffer.Length && prefixLength < 5)
        {
            var b = buffer[prefixLength++];
            size |= (b & 0x7f) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        if (prefixLength >= 5)
        {
            throw new InvalidDataException("A hub message's size prefix is longer than 5 bytes.");
        }

        return false;
    }

    internal sealed class Writer
    {
        private readonly List<byte> _bytes = new(64);

        public byte[] ToArray() => [.. _bytes];

        public Writer Nil()
        {
            _bytes.Add(0xc0);
            return this;
        }

        public Writer Bool(bool value)
        {
            _bytes.Add(value ? (byte)0xc3 : (byte)0xc2);
            return this;
        }

        public Writer Int(long value)
        {
            if (value is >= 0 and <= 0x7f)
            {
                _bytes.Add((byte)value);
            }
            else if (value is < 0 and >= -32)
            {
                _bytes.Add((byte)(sbyte)value);
            }
            else
            {
                Span<byte> bytes = stackalloc byte[9];
                bytes[0] = 0xd3;
                BinaryPrimitives.WriteInt64BigEndian(bytes[1..], value);
                _bytes.AddRange(bytes);
            }

            return this;
        }

        public Writer String(string? value)
        {
            if (value is null)
            {
                return Nil();
            }

            var bytes = Encoding.UTF8.GetBytes(value);
            if (bytes.Length < 32)
            {
                _bytes.Add((byte)(0xa0 | bytes.Length));
            }
            else
            {
                Span<byte> header = stackalloc byte[5];
                header[0] = 0xdb;
                BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)bytes.Length);
                _bytes.AddRange(header);
            }

            _bytes.AddRange(bytes);
            return this;
        }

        public Writer Array(int count)
        {
            if (count < 16)
            {
                _bytes.Add((byte)(0x90 | count));
            }
            else
            {
                Span<byte> header = stackalloc byte[5];
                header[0] = 0xdd;
                BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)count);
                _bytes.AddRange(header);
            }

            return this;
        }

        public Writer Map(int count)
        {
            if (count >= 16)
            {
                throw new NotSupportedException("Only small maps are written.");
            }

            _bytes.Add((byte)(0x80 | count));
            return this;
        }
    }

    /// <summary>Reads one value: null, bool, long, ulong (above long's range), double, string, byte[], object?[] or a dictionary.</summary>
    internal ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;

        public object? Read()
        {
            var b = _data[_at++];
            switch (b)
            {
                case <= 0x7f:
                    return (long)b;
                case >= 0xe0:
                    return (long)(sbyte)b;
                case >= 0x80 and <= 0x8f:
                    return ReadMap(b & 0x0f);
                case >= 0x90 and <= 0x9f:
                    return ReadArray(b & 0x0f);
                case >= 0xa0 and <= 0xbf:
                    return ReadString(b & 0x1f);
                case 0xc0:
                    return null;
                case 0xc2:
                    return false;
                case 0xc3:
                    return true;
                case 0xc4:
                    return ReadBytes(Take(1)[0]);
                case 0xc5:
                    return ReadBytes(BinaryPrimitives.ReadUInt16BigEndian(Take(2)));
                case 0xc6:
                    return ReadBytes(checked((int)BinaryPrimitives.ReadUInt32BigEndian(Take(4))));
                case 0xca:
                    return (double)BinaryPrimitives.ReadSingleBigEndian(Take(4));
                case 0xcb:
                    return BinaryPrimitives.ReadDoubleBigEndian(Take(8));
                case 0xcc:
                    return (long)Take(1)[0];
                case 0xcd:
                    return (long)BinaryPrimitives.ReadUInt16BigEndian(Take(2));
                case 0xce:
                    return (long)BinaryPrimitives.ReadUInt32BigEndian(Take(4));
                case 0xcf:
                    var u = BinaryPrimitives.ReadUInt64BigEndian(Take(8));
                    return u <= long.MaxValue ? (long)u : u;
                case 0xd0:
                    return (long)(sbyte)Take(1)[0];
                case 0xd1:
                    return (long)BinaryPrimitives.ReadInt16BigEndian(Take(2));
                case 0xd2:
                    return (long)BinaryPrimitives.ReadInt32BigEndian(Take(4));
                case 0xd3:
                    return BinaryPrimitives.ReadInt64BigEndian(Take(8));
                case 0xd9:
                    return ReadString(Take(1)[0]);
                case 0xda:
                    return ReadString(BinaryPrimitives.ReadUInt16BigEndian(Take(2)));
                case 0xdb:
                    return ReadString(checked((int)BinaryPrimitives.ReadUInt32BigEndian(Take(4))));
                case 0xdc:
                    return ReadArray(BinaryPrimitives.ReadUInt16BigEndian(Take(2)));
                case 0xdd:
                    return ReadArray(checked((int)BinaryPrimitives.ReadUInt32BigEndian(Take(4))));
                case 0xde:
                    return ReadMap(BinaryPrimitives.ReadUInt16BigEndian(Take(2)));
                case 0xdf:
                    return ReadMap(checked((int)BinaryPrimitives.ReadUInt32BigEndian(Take(4))));
                default:
                    throw new InvalidDataException($"MessagePack type 0x{b:x2} is not read here.");
            }
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            var span = _data.Slice(_at, count);
            _at += count;
            return span;
        }

        private string ReadString(int length) => Encoding.UTF8.GetString(Take(length));

        private byte[] ReadBytes(int length) => Take(length).ToArray();

        private object?[] ReadArray(int count)
        {
            var items = new object?[count];
            for (var i = 0; i < count; i++)
            {
                items[i] = Read();
            }

            return items;
        }

        private Dictionary<object, object?> ReadMap(int count)
        {
            var map = new Dictionary<object, object?>(count);
            for (var i = 0; i < count; i++)
            {
                var key = Read() ?? "";
                map[key] = Read();
            }

            return map;
        }
    }
}
