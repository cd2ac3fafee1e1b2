using AdoTypedSdk.Generator.Pinning;

namespace AdoTypedSdk.Generator;

/// <summary>
/// The build's choice of areas and their access modifiers: the <c>AdoAreas</c> property and the <c>AdoArea</c> items with their
/// <c>Access</c> metadata, as the build logic passes them (<c>--areas</c>, <c>--area-access</c>, <c>--access</c>).
/// </summary>
public sealed class AreaChoices
{
    /// <summary>What separates area names in <c>AdoAreas</c>: ';' in a project file; ',', '+' or spaces where ';' is awkward (the command line).</summary>
    private static readonly char[] Separators = [';', ',', '+', ' ', '\t', '\r', '\n'];

    private readonly Dictionary<string, string> _access;

    private AreaChoices(IReadOnlyList<string> areas, Dictionary<string, string> access, string defaultAccess)
    {
        Areas = areas;
        _access = access;
        DefaultAccess = defaultAccess;
    }

    /// <summary>The chosen area names, each once, in the order first named; empty for every area.</summary>
    public IReadOnlyList<string> Areas { get; }

    /// <summary><c>AdoClientAccessModifier</c>: the access of every area that no <c>AdoArea</c> item gives one.</summary>
    public string DefaultAccess { get; }

    /// <summary>Parses area names separated by any of <see cref="Separators"/>; a name given twice counts once (names are case-insensitive).</summary>
    public static IReadOnlyList<string> ParseAreas(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <param name="areas"><c>AdoAreas</c> and the <c>AdoArea</c> items' names.</param>
    /// <param name="areaAccess"><c>git=internal,build=public</c>: the <c>AdoArea</c> items that carry <c>Access</c>.</param>
    /// <param name="defaultAccess"><c>AdoClientAccessModifier</c>.</param>
    /// <exception cref="SpecException">An access modifier is not valid, or one area is given two.</exception>
    public static AreaChoices Parse(string? areas, string? areaAccess, string defaultAccess)
    {
        var access = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in (areaAccess ?? "").Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = entry.IndexOf('=');
            var (area, modifier) = separator < 0 ? (entry, "") : (entry[..separator].Trim(), entry[(separator + 1)..].Trim());
            CheckAccess(modifier, $"Access of <AdoArea Include=\"{area}\">");
            if (access.TryGetValue(area, out var earlier) && earlier != modifier)
                throw new SpecException($"<AdoArea Include=\"{area}\"> is given Access=\"{earlier}\" and Access=\"{modifier}\"; give each area one Access.");
            access[area] = modifier;
        }
        CheckAccess(defaultAccess, "AdoClientAccessModifier");
        var names = ParseAreas(areas);
        var notChosen = access.Keys.Where(a => names.Count > 0 && !names.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
        if (notChosen.Count > 0)
            throw new SpecException($"Access is given for {string.Join(", ", notChosen.Select(a => $"'{a}'"))}, which the build does not generate; add it to AdoAreas or as an AdoArea item.");
        return new AreaChoices(names, access, defaultAccess);
    }

    /// <summary>The access modifier of the area's generated types.</summary>
    public string AccessOf(string area) => _access.GetValueOrDefault(area, DefaultAccess);

    /// <summary>The types several areas share are public when any generated area is, so that no public signature names an internal type.</summary>
    public string CommonAccess(IEnumerable<string> generatedAreas) =>
        generatedAreas.Any(a => AccessOf(a) == "public") ? "public" : "internal";

    private static void CheckAccess(string value, string setting)
    {
        if (value is not ("public" or "internal"))
            throw new SpecException($"{setting} is '{value}', which is not valid. Valid values: public, internal.");
    }
}
