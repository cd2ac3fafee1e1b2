using AdoTypedSdk.Common;
using AdoTypedSdk.Security;
using AdoTypedSdk.TaskAgent;
using Newtonsoft.Json;

namespace AdoTypedSdk.Runtime.Tests.Serialization;

/// <summary>Models the generator marked with a string form (StringFormRule) read either form and write back the one they came in.</summary>
public class StringFormConverterTests
{
    [Fact]
    public void Demands_and_descriptors_in_string_form_are_read_and_written_back_as_strings()
    {
        var settings = AdoJsonTests.Configured();
        const string json = """{ "demands": [ "DotNetFramework", "Agent.Version -equals 2.0" ] }""";

        var request = JsonConvert.DeserializeObject<TaskAgentJobRequest>(json, settings)!;
        var acl = JsonConvert.DeserializeObject<AccessControlEntry>("""{ "descriptor": "Microsoft.TeamFoundation.Identity;S-1-9" }""", settings)!;

        Assert.Equal(["DotNetFramework", "Agent.Version"], request.Demands!.Select(d => d.Name));
        Assert.Equal([null, "2.0"], request.Demands!.Select(d => d.Value));
        Assert.Equal("""{"demands":["DotNetFramework","Agent.Version -equals 2.0"]}""", JsonConvert.SerializeObject(request, settings));
        Assert.Equal(("Microsoft.TeamFoundation.Identity", "S-1-9"), (acl.Descriptor!.IdentityType, acl.Descriptor.Identifier));
        Assert.Contains("\"descriptor\":\"Microsoft.TeamFoundation.Identity;S-1-9\"", JsonConvert.SerializeObject(acl, settings));
    }

    [Fact]
    public void Model_that_only_names_something_reads_a_string_as_its_id()
    {
        var settings = AdoJsonTests.Configured();

        var fieldType = JsonConvert.DeserializeObject<AdoTypedSdk.Notification.NotificationEventFieldType>("""{ "operators": [ "=", { "id": "<>", "displayName": "Not equals" } ] }""", settings)!;

        Assert.Equal(["=", "<>"], fieldType.Operators!.Select(o => o.Id));
        Assert.Equal("""{"operators":["=",{"displayName":"Not equals","id":"<>"}]}""", JsonConvert.SerializeObject(fieldType, settings));
    }
}
