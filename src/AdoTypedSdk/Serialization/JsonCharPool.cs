using System.Buffers;

namespace AdoTypedSdk.Serialization;

/// <summary>Json.NET's reading buffers, rented from the shared pool instead of allocated for every answer.</summary>
internal sealed class JsonCharPool : Newtonsoft.Json.IArrayPool<char>
{
    public static JsonCharPool Instance { get; } = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
            ArrayPool<char>.Shared.Return(array);
    }
}
