using System.CommandLine;

namespace OrleansNetOps.Cli;

/// <summary><c>netops</c>: the operators' command line. Commands that talk to the service use its REST API;
/// offline commands score the analysts on files, so results can be checked on public data.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => BuildRoot().Parse(args).InvokeAsync();

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("netops — operate OrleansNetOps from the command line");
        root.Subcommands.Add(Offline.LogTemplatesCommand.Create());
        root.Subcommands.Add(Offline.DetectCommand.Create());
        root.Subcommands.Add(Offline.NabCommand.Create());
        return root;
    }
}
