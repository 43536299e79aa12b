using BenchmarkDotNet.Running;

namespace Falco.Plugins.Benchmarks;

/// <summary>Runs the benchmarks the command line selects (BenchmarkDotNet's switcher).</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
