using BenchmarkDotNet.Running;
using Payments.Client.Benchmarks;

// dotnet run -c Release --project benchmarks/Payments.Client.Benchmarks -- --filter '*' [--job short]
// dotnet run -c Release --project benchmarks/Payments.Client.Benchmarks -- side-by-side [--calls 2000 --rounds 5]
// dotnet run -c Release --project benchmarks/Payments.Client.Benchmarks -- alloc-profile [--calls 20000]
// dotnet run -c Release --project benchmarks/Payments.Client.Benchmarks -- inbox-side-by-side [--calls 1000 --rounds 5 --concurrency 16 --postgres CS]
// dotnet benchmarks/Payments.Client.Benchmarks/bin/Release/net10.0/Payments.Client.Benchmarks.dll serve --port 5199   (cold-start.sh's server)
return args.FirstOrDefault() switch
{
    "side-by-side" => await SideBySide.RunAsync(args),
    "inbox-side-by-side" => await InboxSideBySide.RunAsync(args),
    "alloc-profile" => await AllocationProfile.RunAsync(args),
    "serve" => await CannedServer.RunAsync(args),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
