using AdoTypedSdk.Generator.Normalization.Rules;

namespace AdoTypedSdk.Generator.Tests.Normalization.Rules;

public class OperationSummaryRuleTests
{
    [Fact]
    public void First_sentence_of_the_description_becomes_the_summary()
    {
        var document = Specs.Get("/_apis/a", "[]", extra: """, "description": "Deletes the work item. It goes to the recycle bin." """);

        new OperationSummaryRule().Apply(document);

        var operation = document.Single().Operation;
        Assert.Equal("Deletes the work item.", (string?)operation["summary"]);
        Assert.Equal("Deletes the work item. It goes to the recycle bin.", (string?)operation["description"]);
    }

    [Fact]
    public void One_sentence_description_moves_to_the_summary()
    {
        var document = Specs.Get("/_apis/a", "[]", extra: """, "description": "Returns a single work item." """);

        new OperationSummaryRule().Apply(document);

        Assert.Equal("Returns a single work item.", (string?)document.Single().Operation["summary"]);
        Assert.Null(document.Single().Operation["description"]);
    }

    [Fact]
    public void Without_description_the_summary_names_the_operation()
    {
        var document = Specs.Get("/_apis/a", "[]");
        document.Single().Operation["operationId"] = "GetWorkItemTemplate";

        new OperationSummaryRule().Apply(document);

        Assert.Equal("Get work item template.", (string?)document.Single().Operation["summary"]);
    }
}
