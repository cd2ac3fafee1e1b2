namespace AdoTypedSdk.Generator.Normalization.Rules;

/// <summary>
/// Path parameters ADO marks <c>x-ms-required: false</c> (<c>project</c>, <c>team</c>, some trailing ids) become optional, so a caller can
/// omit them and the call uses the shorter route; the runtime drops the empty segment.
/// </summary>
public sealed class OptionalPathParameterRule : ISpecRule
{
    public void Apply(SpecDocument document)
    {
        foreach (var parameter in document.Operations.SelectMany(o => o.ParametersIn("path")))
        {
            if (parameter["x-ms-required"]?.Type == Newtonsoft.Json.Linq.JTokenType.Boolean && !(bool)parameter["x-ms-required"]!)
                parameter["required"] = false;
        }
    }
}
