using AdoTypedSdk.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AdoTypedSdk.Tests.Infrastructure;

internal static class ResponseSequence
{
    /// <summary>Answers successive <paramref name="method"/> requests for <paramref name="path"/> with the responses in order; the last one repeats.</summary>
    public static void RespondInSequence(this EmbeddedAdo ado, string method, string path, params Func<IResponseBuilder>[] responses) =>
        ado.RespondInSequenceWhere(Request.Create().UsingMethod(method).WithPath(path), responses);

    /// <summary>Answers successive requests that match <paramref name="request"/> with the responses in order; the last one repeats.</summary>
    public static void RespondInSequenceWhere(this EmbeddedAdo ado, IRequestBuilder request, params Func<IResponseBuilder>[] responses)
    {
        if (responses.Length == 1)
        {
            ado.Server.Given(request).RespondWith(responses[0]());
            return;
        }
        var scenario = Guid.NewGuid().ToString();
        for (var i = 0; i < responses.Length; i++)
        {
            var stub = ado.Server.Given(request).InScenario(scenario);
            stub = i == 0 ? stub : stub.WhenStateIs($"step{i}");
            (i == responses.Length - 1 ? stub : stub.WillSetStateTo($"step{i + 1}")).RespondWith(responses[i]());
        }
    }
}
