using AdoTypedSdk.Generator;
using AdoTypedSdk.Generator.Pinning;

try
{
    return await Commands.RunAsync(args);
}
catch (SpecException e)
{
    // MSBuild's Exec task shows lines in this canonical form as build errors.
    foreach (var line in e.Message.Split(Environment.NewLine))
        Console.Error.WriteLine($"AdoTypedSdk.Generator : error ADOGEN001: {line}");
    return 1;
}
