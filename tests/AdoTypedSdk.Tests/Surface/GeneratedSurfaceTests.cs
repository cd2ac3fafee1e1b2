using System.Reflection;
using AdoTypedSdk.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Tests.Surface;

/// <summary>The generated surface against the documents it came from: one public async method per operation, clean names.</summary>
public class GeneratedSurfaceTests
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch"];

    private static readonly Assembly Sdk = typeof(WorkItemTracking.WorkItemsClient).Assembly;

    private static IEnumerable<Type> Clients => Sdk.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(AdoClientBase)));

    /// <summary>
    /// The clients' generated methods of the operations: the customizations' are not from the documents, and a method that follows work
    /// on the server (<c>WaitUntil</c> first) is beside its operation's.
    /// </summary>
    private static IEnumerable<MethodInfo> OperationMethods => Clients.SelectMany(c =>
        c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName && !HandWritten.Declares(m) && !FollowsWork(m)));

    private static bool FollowsWork(MethodInfo method) => method.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(Azure.WaitUntil);

    [Fact]
    public void The_clients_under_test_were_generated_for_the_api_version_the_tests_were_built_for()
    {
        var expected = typeof(GeneratedSurfaceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AdoApiVersion").Value;

        Assert.Equal(expected, AdoConnection.ApiVersion);
        Assert.Equal(expected, RepositoryFiles.ApiVersion);
    }

    [Fact]
    public void Every_operation_of_every_document_is_one_method_and_its_with_response_sibling()
    {
        var operations = RawOperations().Count();
        var (walks, downloads) = Beside();

        // The walks of $top/$skip lists and the downloads of other representations are methods beside the operations'.
        var methods = OperationMethods.Where(m => !walks.Contains(Key(m)) && !downloads.Contains(Key(m))).ToList();
        var withResponse = methods.Where(m => m.Name.EndsWith("WithResponseAsync", StringComparison.Ordinal)).ToList();
        var plain = methods.Except(withResponse).ToList();

        Assert.Equal(operations, withResponse.Count);
        Assert.Equal(operations, plain.Count);
        Assert.All(withResponse, m => Assert.True(
            m.ReturnType.IsGenericType && m.ReturnType.GetGenericArguments()[0] is var answer
                && (answer == typeof(Azure.Response) || answer.IsGenericType && answer.GetGenericTypeDefinition() == typeof(Azure.Response<>)),
            $"{m.DeclaringType!.Name}.{m.Name} returns {m.ReturnType}"));
        Assert.All(plain, m => Assert.True(
            m.Name.EndsWith("Async", StringComparison.Ordinal) && (typeof(Task).IsAssignableFrom(m.ReturnType) || IsPageable(m)),
            $"{m.DeclaringType!.Name}.{m.Name} returns {m.ReturnType}"));
        Assert.All(plain, m => Assert.NotNull(m.DeclaringType!.GetMethod(m.Name[..^"Async".Length] + "WithResponseAsync")));
        var overloads = methods.GroupBy(m => (m.DeclaringType, m.Name)).Where(g => g.Count() > 1).Select(g => $"{g.Key.DeclaringType!.Name}.{g.Key.Name}");
        Assert.Empty(overloads);
        if (RepositoryFiles.ApiVersion == "7.1")
            Assert.Equal(1061, plain.Count);
    }

    /// <summary>
    /// Operations the documents page with a continuation token whose token the client cannot send back: GetCommentsBatch answers with a
    /// token but takes none (it reads the comments whose ids it is given).
    /// </summary>
    private static readonly string[] TokenWithoutWayBack = ["GetCommentsBatch"];

    [Fact]
    public void Every_operation_the_documents_page_with_a_continuation_token_is_pageable()
    {
        // Counted in the documents as they come from upstream: a continuationToken or pagingToken parameter, a declared
        // x-ms-continuationtoken header, or an answer whose model has a continuationToken.
        // ADO's method names, as the methods are named: without a trailing "Async", which the method adds.
        var paged = RawOperations().Where(o => o.Pages).Select(o => o.VssMethod is { Length: > 5 } m && m.EndsWith("Async", StringComparison.Ordinal) ? m[..^5] : o.VssMethod).ToList();
        var pageable = OperationMethods.Where(IsPageable).Where(m => !Beside().Walks.Contains(Key(m))).ToList();

        Assert.Equal(paged.Count(m => !TokenWithoutWayBack.Contains(m)), pageable.Count);
        Assert.Equal(
            paged.Where(m => !TokenWithoutWayBack.Contains(m)).Order(StringComparer.Ordinal),
            pageable.Select(m => m.Name[..^"Async".Length]).Order(StringComparer.Ordinal));
        var expected = RepositoryFiles.ApiVersion switch { "7.0" => 48, "7.1" => 59, "7.2" => 66, _ => paged.Count };
        Assert.Equal(expected, paged.Count);
    }

    /// <summary>
    /// Beside the operations' methods: the walk of every list that pages by offset, and a download (<c>…Async</c> and
    /// <c>…WithResponseAsync</c>) per other representation; each is of the kind it should be. 7.1 has at least 80 walks in all and 42
    /// downloads in all.
    /// </summary>
    [Fact]
    public void Offset_lists_walk_and_other_representations_download_beside_their_calls()
    {
        var (walks, downloads) = Beside();
        var methods = OperationMethods.ToDictionary(Key);

        Assert.All(walks, walk => Assert.True(methods.TryGetValue(walk, out var method) && IsPageable(method), $"{walk} is not a walk"));
        Assert.All(downloads, download => Assert.True(methods.TryGetValue(download, out var method)
            && (method.ReturnType == typeof(Task<FileResponse>) || method.ReturnType == typeof(Task<Azure.Response<FileResponse>>)), $"{download} is not a download"));
        if (RepositoryFiles.ApiVersion == "7.1")
        {
            Assert.Equal(29, walks.Count);
            Assert.True(methods.Values.Count(IsPageable) >= 80, $"{methods.Values.Count(IsPageable)} walks");
            Assert.True(methods.Values.Count(m => m.ReturnType == typeof(Task<FileResponse>)) >= 42, $"{methods.Values.Count(m => m.ReturnType == typeof(Task<FileResponse>))} downloads");
        }
    }

    private static string Key(MethodInfo method) => method.DeclaringType!.Name + "." + method.Name;

    [Fact]
    public void Every_call_that_starts_work_on_the_server_has_a_method_that_follows_it_as_an_operation()
    {
        var marked = new List<string>();
        foreach (var area in AdoConnection.Areas)
        {
            var document = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.NormalizedRoot, Path.GetFileNameWithoutExtension(area.DocumentPath) + ".json")));
            marked.AddRange(document["paths"]!.Children<JProperty>().SelectMany(p => p.Value.Children<JProperty>()).Select(p => p.Value).OfType<JObject>()
                .Where(o => o["x-ado-server-operation"] is not null).Select(o => $"{o["tags"]![0]}Client.{o["operationId"]}Async"));
        }
        var generated = Clients.SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => FollowsWork(m) && !HandWritten.Declares(m)).ToList();

        Assert.Equal(marked.Order(StringComparer.Ordinal), generated.Select(Key).Order(StringComparer.Ordinal));
        Assert.All(generated, m => Assert.Equal(typeof(Task<>), m.ReturnType.GetGenericTypeDefinition()));
        Assert.All(generated, m => Assert.Equal(typeof(Azure.Operation<>), m.ReturnType.GetGenericArguments()[0].GetGenericTypeDefinition()));
        if (RepositoryFiles.ApiVersion == "7.1")
            Assert.Equal(9, generated.Count);
    }

    /// <summary>The methods the repaired documents put beside their operations' (<c>WorkItemsClient.GetAllUpdatesAsync</c>).</summary>
    private static (HashSet<string> Walks, HashSet<string> Downloads) Beside()
    {
        var walks = new HashSet<string>(StringComparer.Ordinal);
        var downloads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var area in AdoConnection.Areas)
        {
            var document = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.NormalizedRoot, Path.GetFileNameWithoutExtension(area.DocumentPath) + ".json")));
            foreach (var operation in document["paths"]!.Children<JProperty>().SelectMany(p => p.Value.Children<JProperty>()).Select(p => p.Value).OfType<JObject>())
            {
                var client = (string)operation["tags"]![0]! + "Client";
                if (operation["x-ado-offset-paging"]?["walkName"] is { } walk)
                    walks.Add($"{client}.{walk}Async");
                foreach (var representation in operation["x-ado-representations"]?.OfType<JObject>() ?? [])
                {
                    downloads.Add($"{client}.{operation["operationId"]}{representation["suffix"]}Async");
                    downloads.Add($"{client}.{operation["operationId"]}{representation["suffix"]}WithResponseAsync");
                }
            }
        }
        return (walks, downloads);
    }

    private static bool IsPageable(MethodInfo method) =>
        method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Azure.AsyncPageable<>);

    private sealed record RawOperation(string? VssMethod, bool Pages);

    /// <summary>The operations of the restored documents, before any repair.</summary>
    private static IEnumerable<RawOperation> RawOperations()
    {
        foreach (var path in RepositoryFiles.DocumentPaths())
        {
            var document = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.SpecRoot, path)));
            JObject? Resolve(JToken? token) => (string?)token?["$ref"] is { } reference ? document.SelectToken(reference[2..].Replace('/', '.')) as JObject : token as JObject;
            IEnumerable<string> PropertyNames(JObject? model) =>
                model is null ? [] : ((model["properties"] as JObject)?.Properties().Select(p => p.Name) ?? [])
                    .Concat((model["allOf"] as JArray ?? []).SelectMany(part => PropertyNames(Resolve(part))));
            foreach (var section in new[] { "paths", "x-ms-paths" })
                foreach (var pathItem in (document[section] as JObject)?.Properties().Select(p => (JObject)p.Value) ?? [])
                    foreach (var operation in HttpMethods.Select(m => pathItem[m]).OfType<JObject>())
                    {
                        var parameters = (pathItem["parameters"] as JArray ?? []).Concat(operation["parameters"] as JArray ?? []).Select(Resolve).OfType<JObject>();
                        var successes = (operation["responses"] as JObject)?.Properties().Where(r => r.Name.StartsWith('2')).Select(r => r.Value).ToList() ?? [];
                        var pages = parameters.Any(p => (string?)p["in"] is "query" or "header" && ((string?)p["name"])?.ToLowerInvariant() is "continuationtoken" or "pagingtoken")
                            || successes.Any(r => (r["headers"] as JObject)?.Properties().Any(h => h.Name.Equals("x-ms-continuationtoken", StringComparison.OrdinalIgnoreCase)) == true)
                            || successes.Any(r => r["schema"]?["$ref"] is not null && PropertyNames(Resolve(r["schema"])).Contains("continuationToken"));
                        yield return new RawOperation((string?)operation["x-ms-vss-method"], pages);
                    }
        }
    }

    [Fact]
    public void No_method_asks_for_the_organization_or_the_api_version()
    {
        var offenders = OperationMethods
            .Where(m => m.GetParameters().Any(p => p.Name!.Replace("_", "").Replace("-", "") is "organization" or "apiversion" or "apiVersion"))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.Empty(offenders);
    }

    [Fact]
    public void No_public_type_member_or_parameter_name_contains_an_underscore()
    {
        var names = Sdk.GetExportedTypes().SelectMany(t =>
            new[] { t.FullName! }
                .Concat(t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(m => m is not (MethodBase { IsSpecialName: true } or FieldInfo { IsSpecialName: true })).Select(m => $"{t.FullName}.{m.Name}"))
                .Concat(t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).SelectMany(m => m.GetParameters()).Select(p => $"{t.FullName}({p.Name})")));

        var offenders = names.Where(n => n.Split('.', '(').Last().Contains('_')).Distinct().Take(20);

        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_model_property_is_nullable()
    {
        var context = new NullabilityInfoContext();
        var models = Sdk.GetExportedTypes().Where(t => t.IsClass && !t.IsSubclassOf(typeof(AdoClientBase)) && t.Namespace != "AdoTypedSdk" && !typeof(Exception).IsAssignableFrom(t)
            && !HandWritten.Types.Contains(t.Name));

        var offenders = models
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.Name != "AdditionalProperties")
            .Where(p => p.PropertyType.IsValueType ? Nullable.GetUnderlyingType(p.PropertyType) is null : context.Create(p).ReadState != NullabilityState.Nullable)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .Take(20);

        Assert.Empty(offenders);
    }

    [Fact]
    public void Operations_and_models_carry_xml_documentation()
    {
        var xml = System.Xml.Linq.XDocument.Load(Path.ChangeExtension(Sdk.Location, ".xml"));
        var summaries = xml.Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, m => (string?)m.Element("summary"));

        Assert.Contains("Returns a single work item.", summaries.Single(s => s.Key.StartsWith("M:AdoTypedSdk.WorkItemTracking.WorkItemsClient.GetWorkItemAsync(", StringComparison.Ordinal)).Value);
        var documented = summaries.Where(s => !string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Key.Split('(')[0]).ToHashSet();
        var documentedMethods = OperationMethods.Count(m => documented.Contains($"M:{m.DeclaringType!.FullName}.{m.Name}"));
        Assert.Equal(OperationMethods.Count(), documentedMethods);
    }

    [Fact]
    public void Properties_named_apart_from_the_wire_carry_the_wire_name_and_no_model_repeats_one()
    {
        var renamed = Models.Where(t => t.IsClass).SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(p => (Property: p, Wire: p.GetCustomAttribute<AdoTypedSdk.GeneratedCode.WireNameAttribute>()?.Name)).Where(p => p.Wire is not null).ToList();

        Assert.Contains(renamed, p => p.Property.Name == "Links" && p.Wire == "_links");
        Assert.All(renamed, p => Assert.NotEqual(p.Property.Name, p.Wire, StringComparer.OrdinalIgnoreCase));
        foreach (var model in Models.Where(t => t.IsClass))
        {
            var names = model.GetProperties().DistinctBy(p => p.Name).Select(p => p.GetCustomAttribute<AdoTypedSdk.GeneratedCode.WireNameAttribute>()?.Name
                ?? p.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>()?.PropertyName).OfType<string>();
            Assert.True(names.Distinct().Count() == names.Count(), $"{model} has two properties with one JSON name.");
        }
    }

    [Fact]
    public void Every_model_serializes_through_the_sdk_with_both_json_libraries()
    {
        var classes = Models.Where(t => t.IsClass && t.GetCustomAttribute<System.CodeDom.Compiler.GeneratedCodeAttribute>() is not null).ToList();

        Assert.NotEmpty(classes);
        Assert.All(classes, t => Assert.Equal(typeof(AdoTypedSdk.GeneratedCode.AdoModelConverter), t.GetCustomAttribute<Newtonsoft.Json.JsonConverterAttribute>()?.ConverterType));
        Assert.All(classes, t => Assert.Equal(typeof(AdoTypedSdk.GeneratedCode.AdoModelSystemTextJsonConverter), t.GetCustomAttribute<System.Text.Json.Serialization.JsonConverterAttribute>()?.ConverterType));
    }

    private static IEnumerable<Type> Models => Sdk.GetExportedTypes()
        .Where(t => t.Namespace?.StartsWith("AdoTypedSdk.", StringComparison.Ordinal) == true && !t.IsSubclassOf(typeof(AdoClientBase)) && !t.IsNested);

    /// <summary>A type's shape: its properties (wire name and type), or its enum members and whether they combine.</summary>
    private static string Shape(Type type) => type.IsEnum
        ? string.Join(",", Enum.GetNames(type)) + (type.IsDefined(typeof(FlagsAttribute)) ? " flags" : "")
        : string.Join(",", type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => $"{p.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>()?.PropertyName ?? p.Name}:{p.PropertyType}").Order(StringComparer.Ordinal))
          + ":" + type.BaseType;

    /// <summary>
    /// Types several areas declare alike are generated once, in AdoTypedSdk.Common. Twins remain only where Common cannot take them: the
    /// name is Common's already, for the shape most documents declare; it is a type name of a namespace .NET imports implicitly
    /// (<c>System.TimeZone</c>, <c>System.Net.HttpStatusCode</c>), which a shared type would make ambiguous; or it names an area
    /// (<c>TaskAgent</c>), whose namespace would hide a shared type of that name.
    /// </summary>
    [Fact]
    public void No_two_namespaces_declare_the_same_type_with_the_same_shape_unless_common_cannot_hold_it()
    {
        var common = Models.Where(t => t.Namespace == "AdoTypedSdk.Common").ToDictionary(t => t.Name);
        var implicitlyImported = new[] { typeof(object), typeof(System.Net.HttpStatusCode) }.SelectMany(t => t.Assembly.GetExportedTypes())
            .Where(t => t.Namespace is "System" or "System.Net").Select(t => t.Name).ToHashSet();
        var areas = Models.Select(t => t.Namespace!["AdoTypedSdk.".Length..]).ToHashSet();
        var twins = Models.GroupBy(t => (t.Name, Shape: Shape(t))).Where(g => g.Count() > 1).ToList();

        var unexplained = twins
            .Where(g => !implicitlyImported.Contains(g.Key.Name) && !areas.Contains(g.Key.Name) && !(common.TryGetValue(g.Key.Name, out var shared) && Shape(shared) != g.Key.Shape))
            .Select(g => $"{g.Key.Name} in {string.Join(", ", g.Select(t => t.Namespace))}").ToList();

        Assert.True(unexplained.Count == 0, $"{unexplained.Count} types declared alike in several namespaces:\n" + string.Join("\n", unexplained));
        Assert.Contains("IdentityRef", common.Keys);
    }

    /// <summary>
    /// Code that imports <c>AdoTypedSdk.Common</c> and area namespaces never meets CS0104: an area's own type of a name Common holds is
    /// renamed after its area (<c>TestPlanWorkItem</c>).
    /// </summary>
    [Fact]
    public void No_area_declares_a_type_named_like_one_of_common()
    {
        var common = Models.Where(t => t.Namespace == "AdoTypedSdk.Common").Select(t => t.Name).ToHashSet();
        var clashes = Models.Where(t => t.Namespace != "AdoTypedSdk.Common" && common.Contains(t.Name)).Select(t => t.FullName).ToList();

        Assert.True(clashes.Count == 0, $"{clashes.Count} area types named like a type of AdoTypedSdk.Common:\n" + string.Join("\n", clashes));
        Assert.NotEmpty(common);
    }

    [Fact]
    public void No_generated_type_imitates_a_jsonnet_token_class()
    {
        Assert.DoesNotContain(Models, t => t.Name is "JObject" or "JToken" or "JArray" or "JValue");
    }

    /// <summary>A generated client shows its operations and <c>Area</c>, nothing else: what it needs from the runtime is the runtime's.</summary>
    [Fact]
    public void Clients_show_only_their_operations()
    {
        const BindingFlags Visible = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var plumbing = Clients.SelectMany(c => c.GetMembers(Visible))
            .Where(m => m switch
            {
                MethodBase method => (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly) && !method.IsSpecialName && method is not ConstructorInfo,
                PropertyInfo property => property.GetMethod is { } get && (get.IsPublic || get.IsFamily || get.IsFamilyOrAssembly),
                Type nested => nested.IsNestedPublic || nested.IsNestedFamily || nested.IsNestedFamORAssem,
                _ => false,
            })
            .Where(m => !(m is MethodInfo && m.Name.EndsWith("Async", StringComparison.Ordinal)) && m.Name != nameof(AdoClientBase.Area))
            .Select(m => m.Name).Distinct().Order(StringComparer.Ordinal);

        Assert.Empty(plumbing);
    }

    /// <summary>Every client is made from a connection, or, as a test double, from nothing; its methods can be overridden.</summary>
    [Fact]
    public void Clients_take_a_connection_and_can_be_doubled()
    {
        Assert.All(Clients, client =>
        {
            var constructors = client.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
            Assert.Equal(2, constructors.Length);
            var connected = Assert.Single(constructors, c => c.IsPublic);
            Assert.Equal(("connection", typeof(AdoConnection)), connected.GetParameters().Select(p => (p.Name, p.ParameterType)).Single());
            Assert.Single(constructors, c => c.IsFamily && c.GetParameters().Length == 0);
        });
        Assert.All(OperationMethods, m => Assert.True(m.IsVirtual && !m.IsFinal, $"{m.DeclaringType!.Name}.{m.Name} is not virtual"));
    }
}
