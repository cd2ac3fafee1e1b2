using System.ComponentModel;

namespace AdoTypedSdk.GeneratedCode;

/// <summary>For generated code; not part of the supported API, and may change in any release.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Argument
{
    /// <summary>A required parameter is not null. Generic, so a value-type argument is not boxed to be checked.</summary>
    public static void NotNull<T>(T value, string name)
    {
        if (value is null)
            throw new ArgumentNullException(name);
    }
}
