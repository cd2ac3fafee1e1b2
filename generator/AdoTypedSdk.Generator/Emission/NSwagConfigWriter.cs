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
                // Our own small extension-point templates, shipped beside the generator; NSwag's templates fill in the rest.
                ["templateDirectory"] = Path.Combine(AppContext.BaseDirectory, "Templates"),
                ["clientClassAccessModifier"] = accessModifier,
                ["typeAccessModifier"] = accessModifier,
                ["additionalNamespaceUsages"] = @namespace == SharedDefinitions.Namespace ? new JArray(NamespaceNames.Root) : new JArray(NamespaceNames.Root, SharedDefinitions.Namespace),
                ["className"] = "{controller}Client",
                ["operationGenerationMode"] = "MultipleClientsFromFirstTagAndOperationId",
                // Construction, base address, request preparation and errors are the hand-written AdoClientBase's.
                ["clientBaseClass"] = "AdoClientBase",
                ["configurationClass"] = "AdoConnection",
                ["injectHttpClient"] = false,
                ["useHttpClientCreationMethod"] = true,
                ["disposeHttpClient"] = false,
                ["useBaseUrl"] = false,
                ["generateBaseUrlProperty"] = false,
                ["generatePrepareRequestAndProcessResponseAsAsyncMethods"] = true,
                ["generateExceptionClasses"] = false,
                ["exceptionClass"] = "AdoApiException",
                // NSwag's methods return the value with its status and headers (AdoResponse<T>); the template adds the plain ones.
                ["wrapResponses"] = true,
                ["responseClass"] = "AdoResponse",
                ["generateResponseClasses"] = false,
                ["excludedTypeNames"] = new JArray(new[] { "FileResponse", "FileParameter" }.Concat((sharedTypes ?? new HashSet<string>()).Order(StringComparer.Ordinal))),
                ["generateClientInterfaces"] = false,
                ["generateOptionalParameters"] = true,
                ["generateUpdateJsonSerializerSettingsMethod"] = true,
                ["parameterDateTimeFormat"] = "o",
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
