using System.Buffers.Binary;
using System.Text;

namespace FacilitatorKit.CircuitMemory;

/// <summary>
/// The strings of a render batch as the server sends it to the browser (Blazor's out-of-process render batch): the
/// last int32 gives where the string table starts; the table is int32 positions (up to the five trailing int32s), each
/// pointing at LEB128-length-prefixed UTF-8. Text the page shows, attribute names and values are all in it.
/// </summary>
internal static class RenderBatchStrings
{
    public static IEnumerable<string> Of(byte[] batch)
    {
        if (batch.Length < 20)
        {
            yield break;
        }

        var tableStart = BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(batch.Length - 4));
        var tableEnd = batch.Length - 20;
        if (tableStart < 0 || tableStart > tableEnd)
        {
            throw new InvalidDataException($"A render batch's string table starts at {tableStart}, outside its {batch.Length} bytes.");
        }

        for (var entry = tableStart; entry + 4 <= tableEnd; entry += 4)
        {
            var at = BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(entry));
            if (at < 0 || at >= batch.Length)
            {
                continue;
            }

            var length = 0;
            var shift = 0;
            byte b;
            do
            {
                b = batch[at++];
                length |= (b & 0x7f) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0 && shift < 35);

            if (length < 0 || at + length > batch.Length)
            {
                throw new InvalidDataException("A render batch's string runs past its end.");
            }

            yield return Encoding.UTF8.GetString(batch, at, length);
        }
    }
}
