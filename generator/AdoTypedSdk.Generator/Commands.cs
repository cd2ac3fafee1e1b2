using AdoTypedSdk.Generator.Diagnostics;
using AdoTypedSdk.Generator.Emission;
using AdoTypedSdk.Generator.Normalization;
using AdoTypedSdk.Generator.Pinning;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator;

/// <summary>The generator's command line: <c>restore</c>, <c>normalize</c> (both run by the build) and <c>pin</c> (run by a maintainer).</summary>
public static class Commands
{
    public const string Usage = """
        AdoTypedSdk.Generator restore   --lock <ado-specs.lock.json> --version <7.1|all> --out <folder> [--source <folder in upstream layout>] [--areas <workItemTracking,git>] [--access …] [--area-access …]
        AdoTypedSdk.Generator normalize --specs <restored folder> --version <7.1> --out <folder> --generated <folder> [--access public|internal] [--area-access <git=internal,build=public>] [--customizations <folder> --customized <folder>]
        AdoTypedSdk.Generator explain   --errors <compiler error log> --lock <ado-specs.lock.json> --version <7.1> --specs <restored folder>
        AdoTypedSdk.Generator pin       --source <folder in upstream layout> --commit <sha> --lock <ado-specs.lock.json> [--versions 7.0,7.1,7.2] [--repository owner/name]
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
            throw new SpecException("no command given. Usage:" + Environment.NewLine + Usage);
        var options = ParseOptions(args.AsSpan(1));
        switch (args[0])
        {
            case "restore":
                var specLock = SpecLock.Load(Required(options, "lock"));
                var source = options.GetValueOrDefault("source");
                // The access choices are checked here too, so a contradiction fails before anything is restored.
                var areas = AreaChoices.Parse(options.GetValueOrDefault("areas"), options.GetValueOrDefault("area-access"), options.GetValueOrDefault("access", "public")).Areas;
                var version = Required(options, "version");
                foreach (var each in version == "all" ? specLock.ApiVersions : [version])
                {
                    var restored = await new SpecRestorer(specLock).RestoreAsync(each, Required(options, "out"), string.IsNullOrEmpty(source) ? null : source, areas);
                    Console.WriteLine($"Restored ADO specs {each} at {specLock.Commit[..12]}: {restored.Documents.Count} documents; {restored.Copied} copied, {restored.Downloaded} downloaded, {restored.UpToDate} up to date.");
                }
                return 0;
            case "normalize":
                Normalize(Required(options, "specs"), Required(options, "version"), Required(options, "out"), Required(options, "generated"),
                    options.GetValueOrDefault("access", "public"), options.GetValueOrDefault("area-access"),
                    options.GetValueOrDefault("customizations"), options.GetValueOrDefault("customized"));
                return 0;
            case "explain":
                // Run by the build after a failed compile; an explanation is an error of its own, beside the compiler's.
                var explanations = MissingAreas.Explain(File.ReadAllText(Required(options, "errors")),
                    SpecLock.Load(Required(options, "lock")).FilesOf(Required(options, "version")).Where(f => !f.IsExample).Select(f => f.Path),
                    File.ReadAllLines(Path.Combine(Required(options, "specs"), SpecRestorer.DocumentListFileName)).Where(l => l.Length > 0).ToList());
                if (explanations.Count == 0)
                    return 0;
                throw new SpecException(string.Join(" ", explanations));
            case "pin":
                var versions = options.GetValueOrDefault("versions", "7.0,7.1,7.2").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var pinned = SpecPinner.Pin(Required(options, "source"), options.GetValueOrDefault("repository", "MicrosoftDocs/vsts-rest-api-specs"), Required(options, "commit"), versions);
                pinned.SharedTypes = new(StringComparer.Ordinal);
                pinned.AreaQualifiedNames = new(StringComparer.Ordinal);
                foreach (var each in versions)
                {
                    var repaired = Repair(options["source"], each, pinned.FilesOf(each).Where(f => !f.IsExample).Select(f => f.Path).Order(StringComparer.Ordinal));
                    var shared = FindShared(repaired);
                    pinned.SharedTypes[each] = shared.Choice(repaired.Select(r => AreaNames.Of(r.Path)).ToList());
                    pinned.AreaQualifiedNames[each] = DecideAreaQualifiedNames(repaired, shared);
                }
                pinned.Save(Required(options, "lock"));
                Console.WriteLine($"Pinned {pinned.Files.Count} files of {string.Join(", ", versions)} at {pinned.Commit} in {options["lock"]}.");
                return 0;
            default:
                throw new SpecException($"unknown command '{args[0]}'. Usage:" + Environment.NewLine + Usage);
        }
    }

    /// <param name="accessModifier"><c>AdoClientAccessModifier</c>: the access of every area <paramref name="areaAccess"/> does not name.</param>
    /// <param name="areaAccess">The <c>AdoArea</c> items' <c>Access</c>: <c>git=internal,build=public</c>.</param>
    /// <param name="customizations">The package's hand-written additions, a folder per area (<see cref="Customizations"/>).</param>
    /// <param name="customizedDirectory">Where the chosen areas' customizations are copied, a folder per area.</param>
    public static void Normalize(string specRoot, string apiVersion, string outputDirectory, string generatedDirectory, string accessModifier = "public", string? areaAccess = null,
        string? customizations = null, string? customizedDirectory = null)
    {
        var documentList = Path.Combine(specRoot, SpecRestorer.DocumentListFileName);
        if (!File.Exists(documentList))
            throw new SpecException($"{documentList}: missing; run the restore command first.");
        var documentPaths = File.ReadAllLines(documentList).Where(l => l.Length > 0).ToList();
        var choices = AreaChoices.Parse(string.Join(",", documentPaths.Select(AreaNames.Of)), areaAccess, accessModifier);
        Directory.CreateDirectory(outputDirectory);
        Directory.CreateDirectory(generatedDirectory);

        var repaired = Repair(specRoot, apiVersion, documentPaths);
        var choiceFile = Path.Combine(specRoot, SpecRestorer.SharedTypesFileName);
        // A lock pinned before shared types were decided has no choice: then they are found among the chosen documents.
        var shared = File.Exists(choiceFile)
            ? SharedDefinitions.Apply(repaired.Select(r => r.Normalized).ToList(), repaired.Select(r => AreaNames.Of(r.Path)).ToList(),
                JsonConvert.DeserializeObject<Dictionary<string, string>>(File.ReadAllText(choiceFile))!, choiceFile)
            : FindShared(repaired);
        var namesFile = Path.Combine(specRoot, SpecRestorer.AreaQualifiedNamesFileName);
        // Likewise the names several areas declare.
        var qualified = File.Exists(namesFile)
            ? JsonConvert.DeserializeObject<AreaQualifiedNameDecision>(File.ReadAllText(namesFile))!
            : DecideAreaQualifiedNames(repaired, shared);
        var named = Named(repaired, shared);

        var entries = new List<CatalogWriter.DocumentEntry>();
        // The names this version gives an area's types and clients where its document's are taken by another area's: the customizations,
        // written with the document's names, take them too.
        var areaRenames = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        for (var index = 0; index < repaired.Count; index++)
        {
            var (documentPath, @namespace, document, _) = repaired[index];
            var (normalized, fromShared) = named.Documents[index];
            var baseName = Path.GetFileNameWithoutExtension(documentPath);
            var areaWord = LastSegment(@namespace);
            var typeRenames = AreaQualifiedNames.TypeRenames(normalized, areaWord, qualified.Types, fromShared);
            areaRenames[AreaNames.Of(documentPath)] = typeRenames.ToDictionary(r => Identifiers.Pascal(r.Key), r => r.Value, StringComparer.Ordinal)
                .Concat(qualified.Clients.Where(c => c.Key.StartsWith(areaWord + ".", StringComparison.Ordinal))
                    .Select(c => KeyValuePair.Create(c.Key[(areaWord.Length + 1)..] + "Client", c.Value + "Client")))
                .DistinctBy(r => r.Key).ToDictionary(StringComparer.Ordinal);
            normalized = DefinitionNames.Rename(normalized, typeRenames, documentPath);
            normalized = AreaQualifiedNames.QualifyClients(normalized, areaWord, qualified.Clients);
            WriteIfChanged(Path.Combine(outputDirectory, baseName + ".json"), normalized.ToString(Formatting.Indented));
            var config = NSwagConfigWriter.Create(baseName + ".json", Path.Combine(Path.GetFullPath(generatedDirectory), baseName + ".g.cs"), @namespace, choices.AccessOf(AreaNames.Of(documentPath)), fromShared);
            WriteIfChanged(Path.Combine(outputDirectory, baseName + ".nswag"), config.ToString(Formatting.Indented));

            entries.Add(new CatalogWriter.DocumentEntry(
                documentPath, @namespace, (string?)normalized["host"] ?? "dev.azure.com",
                document.Operations.Select(o => AreaQualifiedNames.Of(o.Tag!, areaWord, qualified.Clients)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()));
        }
        WriteIfChanged(Path.Combine(outputDirectory, SharedDefinitions.DocumentName + ".json"),
            DefinitionNames.Rename(shared.Document(apiVersion), named.SharedNames, SharedDefinitions.Namespace).ToString(Formatting.Indented));
        var sharedConfig = NSwagConfigWriter.Create(SharedDefinitions.DocumentName + ".json", Path.Combine(Path.GetFullPath(generatedDirectory), SharedDefinitions.DocumentName + ".g.cs"), SharedDefinitions.Namespace,
            choices.CommonAccess(repaired.Select(r => AreaNames.Of(r.Path))));
        WriteIfChanged(Path.Combine(outputDirectory, SharedDefinitions.DocumentName + ".nswag"), sharedConfig.ToString(Formatting.Indented));
        WriteIfChanged(Path.Combine(generatedDirectory, "AdoCatalog.g.cs"), CatalogWriter.Write(apiVersion, entries));
        // 'nswag run' runs every .nswag file of the folder: documents of areas no longer chosen must not be generated again.
        var current = entries.Select(e => Path.GetFileNameWithoutExtension(e.DocumentPath)).Append(SharedDefinitions.DocumentName).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(outputDirectory, "*.nswag").Where(f => !current.Contains(Path.GetFileNameWithoutExtension(f))))
            File.Delete(stale);
        if (!string.IsNullOrEmpty(customizations))
            Customizations.Copy(customizations, documentPaths.Select(AreaNames.Of), choices.AccessOf,
                customizedDirectory ?? throw new SpecException("--customizations needs --customized: the folder to copy them to."),
                (area, operation) => repaired.Any(r => AreaNames.Of(r.Path) == area && r.Document.Operations.Any(o => (string?)o.Operation["operationId"] == operation)),
                area => areaRenames.GetValueOrDefault(area) ?? []);
        Console.WriteLine($"Normalized {entries.Count} ADO {apiVersion} documents ({entries.Sum(e => e.Clients.Count)} clients, {shared.Definitions.Count} shared types) into {outputDirectory}.");
    }

    private sealed record RepairedDocument(string Path, string Namespace, SpecDocument Document, JObject Normalized);

    /// <summary>Loads and repairs the documents (paths relative to <paramref name="specRoot"/>, in document order).</summary>
    private static List<RepairedDocument> Repair(string specRoot, string apiVersion, IEnumerable<string> documentPaths)
    {
        var namespaces = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var repaired = new List<RepairedDocument>();
        foreach (var documentPath in documentPaths)
        {
            var @namespace = NamespaceNames.ForDocument(documentPath);
            if (namespaces.TryGetValue(@namespace, out var other))
                throw new SpecException($"{documentPath} and {other} both map to namespace {@namespace}; rename one in the generator's NamespaceNames.");
            namespaces[@namespace] = documentPath;
            var document = SpecDocument.Load(Path.Combine(specRoot, documentPath), apiVersion);
            repaired.Add(new RepairedDocument(documentPath, @namespace, document, SpecNormalizer.Normalize(document)));
        }
        return repaired;
    }

    private static SharedDefinitions FindShared(List<RepairedDocument> repaired) =>
        SharedDefinitions.Find(repaired.Select(r => r.Normalized).ToList(), repaired.Select(r => LastSegment(r.Namespace)));

    private static string LastSegment(string @namespace) => @namespace[(@namespace.LastIndexOf('.') + 1)..];

    /// <summary>
    /// The shared-type decision over every document of <paramref name="apiVersion"/> under <paramref name="specRoot"/> (upstream
    /// layout, recordings beside the documents), as the lock records it.
    /// </summary>
    public static SortedDictionary<string, string> DecideSharedTypes(string specRoot, string apiVersion, IEnumerable<string> documentPaths)
    {
        var repaired = Repair(specRoot, apiVersion, documentPaths.Order(StringComparer.Ordinal));
        return FindShared(repaired).Choice(repaired.Select(r => AreaNames.Of(r.Path)).ToList());
    }

    /// <summary>
    /// The names several documents of <paramref name="apiVersion"/> under <paramref name="specRoot"/> declare, as the lock records them.
    /// </summary>
    public static AreaQualifiedNameDecision DecideAreaQualifiedNames(string specRoot, string apiVersion, IEnumerable<string> documentPaths)
    {
        var repaired = Repair(specRoot, apiVersion, documentPaths.Order(StringComparer.Ordinal));
        return DecideAreaQualifiedNames(repaired, FindShared(repaired));
    }

    private static AreaQualifiedNameDecision DecideAreaQualifiedNames(List<RepairedDocument> repaired, SharedDefinitions shared)
    {
        var named = Named(repaired, shared);
        var areaWords = repaired.Select(r => LastSegment(r.Namespace)).ToList();
        return new AreaQualifiedNameDecision
        {
            Clients = AreaQualifiedNames.Find(repaired.Select((r, i) => (areaWords[i], (IReadOnlyCollection<string>)r.Document.Operations.Select(o => o.Tag!).ToList())).ToList()),
            Types = AreaQualifiedNames.Find(
                named.Documents.Select((d, i) => (areaWords[i], (IReadOnlyCollection<string>)AreaQualifiedNames.OwnTypeNames(d.Document, d.FromShared).ToList())).ToList(),
                shared.Definitions.Keys.Select(n => named.SharedNames.GetValueOrDefault(n, n)).ToHashSet(StringComparer.Ordinal)),
        };
    }

    /// <summary>The documents with their types named apart: see <see cref="Named"/>.</summary>
    private sealed record NamedDocuments(IReadOnlyList<(JObject Document, IReadOnlySet<string> FromShared)> Documents, IReadOnlyDictionary<string, string> SharedNames);

    /// <summary>
    /// Each document with its types named apart from the shared ones and from the usual imports': an area's own type of a shared name
    /// after its area (<see cref="SharedDefinitions.WithAreaNames"/>), a type named like one of the usual imports' as
    /// <see cref="UsualImportNames"/> says; with the shared types it takes, under their final names.
    /// </summary>
    private static NamedDocuments Named(List<RepairedDocument> repaired, SharedDefinitions shared)
    {
        var sharedNames = UsualImportNames.ForShared(shared.Definitions);
        var documents = new List<(JObject, IReadOnlySet<string>)>();
        for (var index = 0; index < repaired.Count; index++)
        {
            var areaWord = LastSegment(repaired[index].Namespace);
            var normalized = shared.WithAreaNames(index, repaired[index].Normalized, areaWord);
            var names = UsualImportNames.ForArea(normalized, areaWord, shared.UsedBy(index));
            foreach (var name in shared.UsedBy(index).Where(sharedNames.ContainsKey))
                names[name] = sharedNames[name];
            documents.Add((DefinitionNames.Rename(normalized, names, repaired[index].Path),
                shared.UsedBy(index).Select(n => sharedNames.GetValueOrDefault(n, n)).ToHashSet(StringComparer.Ordinal)));
        }
        return new NamedDocuments(documents, sharedNames);
    }

    /// <summary>Unchanged outputs keep their timestamps, so the NSwag step after this one stays up to date.</summary>
    private static void WriteIfChanged(string path, string content)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != content)
            File.WriteAllText(path, content);
    }

    private static Dictionary<string, string> ParseOptions(ReadOnlySpan<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new SpecException($"unexpected argument '{args[i]}': options are '--name value'. Usage:" + Environment.NewLine + Usage);
            options[args[i][2..]] = args[++i];
        }
        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new SpecException($"missing option --{name}. Usage:" + Environment.NewLine + Usage);
}
