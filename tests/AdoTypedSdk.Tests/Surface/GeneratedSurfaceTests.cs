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

    private static IEnumerable<MethodInfo> OperationMethods => Clients.SelectMany(c =>
        c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName));

    [Fact]
    public void The_clients_under_test_were_generated_for_the_api_version_the_tests_were_built_for()
    {
        var expected = typeof(GeneratedSurfaceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AdoApiVersion").Value;

        Assert.Equal(expected, AdoConnection.ApiVersion);
        Assert.Equal(expected, RepositoryFiles.ApiVersion);
    }

    [Fact]
    public void Every_operation_of_every_document_is_exactly_one_public_async_method()
    {
        var operations = RepositoryFiles.DocumentPaths().Sum(path =>
        {
            var document = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.SpecRoot, path)));
            return new[] { "paths", "x-ms-paths" }.Sum(section =>
                (document[section] as JObject)?.Properties().Sum(p => HttpMethods.Count(m => p.Value[m] is not null)) ?? 0);
        });

        var methods = OperationMethods.ToList();

        Assert.Equal(operations, methods.Count);
        Assert.All(methods, m => Assert.True(m.Name.EndsWith("Async", StringComparison.Ordinal) && typeof(Task).IsAssignableFrom(m.ReturnType), m.Name));
        var overloads = methods.GroupBy(m => (m.DeclaringType, m.Name)).Where(g => g.Count() > 1).Select(g => $"{g.Key.DeclaringType!.Name}.{g.Key.Name}");
        Assert.Empty(overloads);
        if (RepositoryFiles.ApiVersion == "7.1")
            Assert.Equal(1061, methods.Count);
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
        var models = Sdk.GetExportedTypes().Where(t => t.IsClass && !t.IsSubclassOf(typeof(AdoClientBase)) && t.Namespace != "AdoTypedSdk" && !typeof(Exception).IsAssignableFrom(t));

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
    public void Every_wire_name_the_generator_recorded_belongs_to_a_generated_property()
    {
        foreach (var ((type, jsonName), _) in AdoCatalog.WireNames)
        {
            Assert.Same(Sdk, type.Assembly);
            Assert.Contains(type.GetProperties(), p => p.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>()?.PropertyName == jsonName);
        }
        Assert.Contains(AdoCatalog.WireNames, w => w.Value == "_links");
    }
}
