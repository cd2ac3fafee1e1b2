using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(WorkItemJsonBenchmarks).Assembly).Run(args);
