using Newtonsoft.Json.Serialization;

namespace AdoTypedSdk.Serialization;

/// <summary>Per-thread stack of the models being read, each with the misfit values met inside it.</summary>
internal static class MisfitValues
{
    [ThreadStatic] private static Stack<List<(string Name, Newtonsoft.Json.Linq.JToken Value)>?>? _frames;

    public static void Open() => (_frames ??= new()).Push(null);

    public static bool Park(string name, Newtonsoft.Json.Linq.JToken value)
    {
        if (_frames is not { Count: > 0 })
            return false;
        var frame = _frames.Pop() ?? [];
        frame.Add((name, value));
        _frames.Push(frame);
        return true;
    }

    public static void Close(object model, ExtensionDataSetter keep)
    {
        if (_frames is not { Count: > 0 } || _frames.Pop() is not { } parked)
            return;
        foreach (var (name, value) in parked)
            keep(model, name, value);
    }
}
