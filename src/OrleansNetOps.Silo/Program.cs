using System.Collections;
using OrleansNetOps.Silo.Hosting;

namespace OrleansNetOps.Silo;

/// <summary>The executable's entry point.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        var environment = Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string, StringComparer.Ordinal);
        return SiloEntryPoint.RunAsync(args, environment, Console.Error);
    }
}
