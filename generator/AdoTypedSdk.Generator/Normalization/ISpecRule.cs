namespace AdoTypedSdk.Generator.Normalization;

/// <summary>One repair of a known defect in the ADO documents, driven by the document's structure, never by operation names.</summary>
public interface ISpecRule
{
    void Apply(SpecDocument document);
}
