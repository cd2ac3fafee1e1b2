using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Emission;

/// <summary>Writes the <c>.nswag</c> file that turns one repaired document into one C# file, with the SDK's client conventions.</summary>
public static class NSwagConfigWriter
{
    /// <param name="accessModifier"><c>public</c>, or <c>internal</c> for services that do not re-export the generated types.</param>
    /// <param name="sharedTypes">Definitions this document takes from <see cref="SharedDefinitions.Namespace"/> instead of generating.</param>
    public static JObject Create(string inputFileName, string outputPath, string @namespace, string accessModifier = "public", IReadOnlySet<string>? sharedTypes = null) => new()
    {
        ["runtime"] = "Net100",
        ["documentGenerator"] = new JObject
        {
            ["fromDocument"] = new JObject { ["url"] = inputFileName, ["newLineBehavior"] = "LF" },
        },
        ["codeGenerators"] = new JObject
        {
            ["openApiToCSharpClient"] = new JObject
            {
                ["namespace"] = @namespace,
                // Our templates, shipped beside the generator: the client class, and small extension points of NSwag's model templates.
                ["templateDirectory"] = Path.Combine(AppContext.BaseDirectory, "Templates"),
                ["clientClassAccessModifier"] = accessModifier,
                ["typeAccessModifier"] = accessModifier,
                ["additionalNamespaceUsages"] = @namespace == SharedDefinitions.Namespace ? new JArray(NamespaceNames.Root) : new JArray(NamespaceNames.Root, SharedDefinitions.Namespace),
                ["className"] = "{controller}Client",
                ["operationGenerationMode"] = "MultipleClientsFromFirstTagAndOperationId",
                // The clients are our Client.Class template's: NSwag's settings for its own client code do not apply. NSwag writes no
                // exception or response classes, and leaves out the types the runtime or the shared document has.
                ["generateExceptionClasses"] = false,
                ["generateResponseClasses"] = false,
                ["excludedTypeNames"] = new JArray(new[] { "FileResponse", "FileParameter" }.Concat((sharedTypes ?? new HashSet<string>()).Order(StringComparer.Ordinal))),
                ["generateClientInterfaces"] = false,
                ["generateOptionalParameters"] = true,
                ["parameterArrayType"] = "System.Collections.Generic.IEnumerable",
                ["responseArrayType"] = "System.Collections.Generic.IReadOnlyList",
                ["arrayType"] = "System.Collections.Generic.IList",
                ["arrayInstanceType"] = "System.Collections.Generic.List",
                ["arrayBaseType"] = "System.Collections.ObjectModel.Collection",
                ["dictionaryType"] = "System.Collections.Generic.IDictionary",
                ["dictionaryInstanceType"] = "System.Collections.Generic.Dictionary",
                ["dateType"] = "System.DateTimeOffset",
                ["dateTimeType"] = "System.DateTimeOffset",
                ["timeSpanType"] = "System.TimeSpan",
                // Untyped schemas ("any JSON") hold whatever ADO sent, object, array or scalar, and write it back unchanged.
                ["anyType"] = "Newtonsoft.Json.Linq.JToken",
                ["classStyle"] = "Poco",
                ["jsonLibrary"] = "NewtonsoftJson",
                ["generateDataAnnotations"] = false,
                ["generateDefaultValues"] = false,
                ["requiredPropertiesMustBeDefined"] = false,
                ["generateNullableReferenceTypes"] = true,
                ["generateOptionalPropertiesAsNullable"] = true,
                ["generateDtoTypes"] = true,
                ["newLineBehavior"] = "LF",
                ["output"] = outputPath,
            },
        },
    };
}
