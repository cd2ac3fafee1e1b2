namespace AdoTypedSdk.Serialization;

/// <summary>
/// The name ADO gives a property on the wire (<c>_links</c>, <c>commit_sha</c>) where it cannot be the C# name. The generator puts it on
/// the property; the SDK's serializer reads and writes the property under this name.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class WireNameAttribute(string name) : Attribute
{
    /// <summary>The JSON property name ADO uses.</summary>
    public string Name { get; } = name;
}
