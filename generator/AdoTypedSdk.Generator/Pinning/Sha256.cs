using System.Security.Cryptography;

namespace AdoTypedSdk.Generator.Pinning;

internal static class Sha256
{
    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
