using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

if (args is ["--allocations", var benchmark])
{
    await AllocationProfile.RunAsync(benchmark);
    return;
}

if (args is ["--interleaved"])
{
    await InterleavedTiming.RunAsync();
    return;
}

if (args is ["--rate-limits"])
{
    await RateLimitBurst.RunAsync();
    return;
}

if (args is ["--many-work-items"])
{
    await ManyWorkItems.RunAsync();
    return;
}

if (args is ["--transfer-memory"])
{
    await TransferMemory.RunAsync();
    return;
}

// In process: a separate benchmark project would regenerate the whole SDK first. 15 iterations after 5 warm-ups.
var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15);
var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(job);
BenchmarkSwitcher.FromAssembly(typeof(WorkItemJsonBenchmarks).Assembly).Run(args, config);
