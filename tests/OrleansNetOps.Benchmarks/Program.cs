using BenchmarkDotNet.Running;

// Run all suites, or pick with --filter, e.g. `dotnet run -c Release -- --filter '*GrainCall*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
