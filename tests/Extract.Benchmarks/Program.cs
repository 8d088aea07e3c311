
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Extract.Benchmarks.EndToEndBenchmarks).Assembly).Run(args);
