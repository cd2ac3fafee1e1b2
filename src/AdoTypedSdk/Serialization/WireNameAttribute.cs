namespace AdoTypedSdk.GeneratedCode;

/// <summary>
/// For generated code (the generator puts it on models); not part of the supported API, and may change in any release.
/// The name ADO gives a property on the wire (<c>_links</c>, <c>commit_sha</c>) where it cannot be the C# name. The generator puts it on
/// the property; the SDK's serializer reads and writes the property under this name.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class WireNameAttribute(string name) : Attribute
{
    /// <summary>The JSON property name ADO uses.</summary>
    public string Name { get; } = name;
}
