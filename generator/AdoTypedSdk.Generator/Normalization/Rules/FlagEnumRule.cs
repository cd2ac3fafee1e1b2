using Newtonsoft.Json.Linq;

namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// ADO's bit-flag enums (by its naming convention <c>…Flags</c> and <c>…Permissions</c>, e.g. <c>SubscriberFlags</c>,
/// <c>ApprovalPermissions</c>) travel as comma-separated names (<c>"view, edit"</c>); marked as flags they become <c>[Flags]</c> enums
/// with distinct bits, so a combination reads and writes back whole instead of collapsing to one member.
/// </summary>
public sealed class FlagEnumRule : ISpecRule
{
    private static readonly string[] FlagSuffixes = ["Flags", "Permissions"];

    public void Apply(SpecDocument document)
    {
        foreach (var (name, definition) in document.Definitions.Properties().Select(p => (p.Name, p.Value)))
        {
            if (definition is JObject { } schema && schema["enum"] is JArray && (string?)schema["type"] == "string"
                && FlagSuffixes.Any(suffix => name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9').EndsWith(suffix, StringComparison.Ordinal)))
                schema["x-enumFlags"] = true;
        }
    }
}
