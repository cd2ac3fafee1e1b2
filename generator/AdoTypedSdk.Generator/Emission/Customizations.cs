using System.Text.RegularExpressions;

namespace AdoTypedSdk.Generator.Emission;

/// <summary>
/// The package's hand-written additions to an area's generated clients (<c>customizations/&lt;area&gt;/*.cs</c>): copied beside the
/// generated code for each chosen area, so that they are compiled with it and only when it is generated. A top-level type they declare
/// <c>public</c> takes the area's access modifier in the copy, so that with <c>AdoClientAccessModifier=internal</c> no public member
/// names an internal generated type; members and partial parts of generated types carry no modifier of their own there. A file whose
/// first line is <c>// Requires: UploadAttachment</c> uses an operation that not every profile's document of its area has: where the
/// area lacks it, the copy is a comment that says so, and compiles to nothing. Customizations name generated types and clients as their
/// area's document does (<c>AttachmentReference</c>, <c>RunsClient</c>); where a version gives one its area's name because another area
/// declares it too (<c>WorkItemTrackingAttachmentReference</c> in 7.2, <c>PipelinesRunsClient</c>), the copy names it so.
/// </summary>
public static partial class Customizations
{
    /// <summary>
    /// Copies the customizations of <paramref name="areas"/> from <paramref name="sourceRoot"/> into
    /// <c><paramref name="target"/>/&lt;area&gt;/</c>, writing only files whose content changed, and removes copies of areas or
    /// files no longer there. Returns the number of files the areas have.
    /// </summary>
    /// <param name="accessOf">The access modifier (<c>public</c> or <c>internal</c>) of an area's generated types.</param>
    /// <param name="hasOperation">Whether an area's document has an operation (its <c>operationId</c>); null: every file is copied.</param>
    /// <param name="renamesOf">An area's generated names that differ from its document's (document's name → this version's); null: none.</param>
    public static int Copy(string sourceRoot, IEnumerable<string> areas, Func<string, string> accessOf, string target, Func<string, string, bool>? hasOperation = null,
        Func<string, IReadOnlyDictionary<string, string>>? renamesOf = null)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var area in areas.Distinct(StringComparer.Ordinal))
        {
            var folder = Path.Combine(sourceRoot, area);
            if (!Directory.Exists(folder))
                continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs").Order(StringComparer.Ordinal))
            {
                var copy = Path.Combine(target, area, Path.GetFileName(file));
                wanted.Add(Path.GetFullPath(copy));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                var source = File.ReadAllText(file);
                var text = Required(source) is { } operation && hasOperation?.Invoke(area, operation) == false
                    ? $"// {Path.GetFileName(file)} is not compiled: this version's {area} document has no {operation} operation.\n"
                    : Renamed(WithAccess(source, accessOf(area)), renamesOf?.Invoke(area));
                if (!File.Exists(copy) || File.ReadAllText(copy) != text)
                    File.WriteAllText(copy, text);
            }
        }
        if (Directory.Exists(target))
            foreach (var stale in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Where(f => !wanted.Contains(Path.GetFullPath(f))))
                File.Delete(stale);
        return wanted.Count;
    }

    /// <summary>
    /// The source with each top-level <c>public</c> type declaration (a line that starts with <c>public</c>, in a file-scoped namespace)
    /// given <paramref name="access"/>. Nested types and members are indented, and keep theirs.
    /// </summary>
    public static string WithAccess(string source, string access) =>
        access == "public" ? source : TopLevelPublicType().Replace(source, access + " ");

    /// <summary>The source with each whole identifier of <paramref name="renames"/> replaced by its new name.</summary>
    public static string Renamed(string source, IReadOnlyDictionary<string, string>? renames) =>
        renames is not { Count: > 0 } ? source
            : Regex.Replace(source, @"\b(" + string.Join("|", renames.Keys.Select(Regex.Escape)) + @")\b", m => renames[m.Value]);

    /// <summary>The operation a file's first line says it requires (<c>// Requires: UploadAttachment</c>), if any.</summary>
    public static string? Required(string source) => RequiresLine().Match(source) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"\A// Requires: (\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RequiresLine();

    [GeneratedRegex(@"^public (?=(?:(?:static|sealed|abstract|readonly|partial|ref|record)\s+)*(?:class|struct|record|interface|enum|delegate)\b)", RegexOptions.Multiline)]
    private static partial Regex TopLevelPublicType();
}
