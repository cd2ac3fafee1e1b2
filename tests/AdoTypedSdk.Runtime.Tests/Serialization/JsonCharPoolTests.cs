using AdoTypedSdk.Common;
using AdoTypedSdk.Serialization;
using AdoTypedSdk.Tests.Infrastructure;

namespace AdoTypedSdk.Runtime.Tests.Serialization;

/// <summary>Json.NET reads answers with rented buffers; values longer than any first buffer still come out whole.</summary>
public class JsonCharPoolTests
{
    [Fact]
    public void Rented_buffers_are_at_least_the_length_asked_for()
    {
        var buffer = JsonCharPool.Instance.Rent(3000);

        Assert.True(buffer.Length >= 3000);
        JsonCharPool.Instance.Return(buffer);
        JsonCharPool.Instance.Return(null);
    }

    [Fact]
    public void A_value_longer_than_the_reading_buffer_is_read_whole_twice_in_a_row()
    {
        var title = new string('x', 70_000) + "end";
        var json = $$"""{ "id": 12, "fields": { "System.Title": "{{title}}" } }""";

        for (var i = 0; i < 2; i++)
        {
            var item = JsonAnswer.Read<WorkItem>(json);

            Assert.Equal(title, (string?)item.Fields!["System.Title"]);
        }
    }
}
