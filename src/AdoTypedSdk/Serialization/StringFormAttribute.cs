namespace AdoTypedSdk.GeneratedCode;

/// <summary>
/// For generated code (the generator puts it on models); not part of the supported API, and may change in any release.
/// Marks a generated model that ADO also sends as a string (the generator's StringFormRule decides which): <c>"first{separator}second"</c>
/// fills two of its properties, and text without the separator, or any text when there is no separator, fills <see cref="Alone"/>.
/// Property names are JSON names. The model is read from either form and written back in the form it came in.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class StringFormAttribute(string separator, string first, string second, string alone) : Attribute
{
    /// <summary>What separates the two parts; empty when the whole string is one property.</summary>
    public string Separator { get; } = separator;

    /// <summary>The property the part before the separator fills.</summary>
    public string First { get; } = first;

    /// <summary>The property the part after the separator fills.</summary>
    public string Second { get; } = second;

    /// <summary>The property a string without the separator fills.</summary>
    public string Alone { get; } = alone;
}
