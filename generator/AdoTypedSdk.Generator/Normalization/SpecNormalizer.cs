using AdoTypedSdk.Generator.Normalization.Rules;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization;

/// <summary>Applies every repair rule, in order, and assembles the repaired document that NSwag reads.</summary>
public static class SpecNormalizer
{
    /// <summary>The rules in the order they run: route shape first, then names and types.</summary>
    public static IReadOnlyList<ISpecRule> Rules { get; } =
    [
        new ExtensionPathQueryRule(),
        new OrganizationInBaseAddressRule(),
        new PinnedApiVersionRule(),
        new PathPlaceholderCaseRule(),
        new PathValuedParameterRule(),
        new OptionalPathParameterRule(),
        new OperationIdentityRule(),
        new UntypedEnumRule(),
        new NamedEnumRule(),
        new FlagEnumRule(),
        new RecordedFlagEnumRule(),
        new QueryArrayFormatRule(),
        new SingleRequiredArrayRule(),
        new ArrayDefinitionRule(),
        new AnyJsonRule(),
        new UnusedEnvelopeRule(),
        new JsonPatchBodyRule(),
        new BinaryContentRule(),
        new RepresentationRule(),
        new HeadWithoutBodyRule(),
        new SuccessStatusRule(),
        new RecordedStatusRule(),
        new RecordedQueryParameterRule(),
        new ConditionallyRequiredParameterRule(),
        new ByteNumberRule(),
        new ByteArrayRule(),
        new DotNetFormatRule(),
        new OptionalPropertyRule(),
        new OpenModelRule(),
        new ReferenceLinksRule(),
        new OperationSummaryRule(),
        new StringFormRule(),
        new IdentifierNameRule(),
        new HeaderParameterNameRule(),
        new PageableOperationRule(),
        new OffsetPageableOperationRule(),
        new ItemLimitRule(),
        new ServerOperationRule(),
    ];

    public static JObject Normalize(SpecDocument document)
    {
        foreach (var rule in Rules)
            rule.Apply(document);
        return Assemble(document);
    }

    /// <summary>
    /// Writes the operations back under <c>paths</c>. The key is the route plus its fixed query (<c>?api-version=7.1</c>); operations that
    /// still share a key and method get empty query pairs (<c>&amp;</c>) appended, which the runtime drops when it builds the URL.
    /// </summary>
    public static JObject Assemble(SpecDocument document)
    {
        var root = document.Root;
        var paths = new JObject();
        foreach (var operation in document.Operations)
        {
            var key = operation.Route;
            if (operation.FixedQuery.Count > 0)
                key += "?" + string.Join("&", operation.FixedQuery.Select(p => p.Key + "=" + p.Value));
            while (paths[key] is JObject existing && existing[operation.Method] is not null)
                key += key.Contains('?') ? "&" : "?";
            var pathItem = paths[key] as JObject ?? (JObject)(paths[key] = new JObject());
            pathItem[operation.Method] = operation.Operation;
        }
        root["paths"] = paths;
        return root;
    }
}
