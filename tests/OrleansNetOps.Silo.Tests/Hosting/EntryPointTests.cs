using System.Diagnostics;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Hosting;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Hosting;

public sealed class EntryPointTests
{
    private const string BadYaml = "storage:\n  kind: mongo\n";

    [Fact]
    public async Task Executable_exits_non_zero_and_names_the_problem_for_a_malformed_file()
    {
        using var file = new TempFile(BadYaml, "bad.yaml");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = file.Directory,
        };
        start.ArgumentList.Add(SiloExecutable());
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add("bad.yaml");

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(SiloEntryPoint.ConfigurationErrorExitCode, process.ExitCode);
        Assert.Contains("bad.yaml:2:9: storage.kind: 'mongo' is not one of memory, postgres", await stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", await stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_process_entry_point_returns_the_configuration_exit_code()
    {
        using var file = new TempFile(BadYaml);
        using var errors = new StringWriter();

        var exitCode = await SiloEntryPoint.RunAsync(["--config", file.FilePath], new Dictionary<string, string?>(), errors);

        Assert.Equal(SiloEntryPoint.ConfigurationErrorExitCode, exitCode);
        Assert.Contains($"{file.FilePath}:2:9: storage.kind: 'mongo'", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_environment_override_stops_start_up_naming_the_variable()
    {
        using var file = new TempFile("storage:\n  kind: memory\n");
        using var errors = new StringWriter();
        var environment = new Dictionary<string, string?> { ["NETOPS_CONFIG"] = file.FilePath, ["NETOPS__Auth__Mode"] = "open" };

        var exitCode = await SiloEntryPoint.RunAsync([], environment, errors);

        Assert.Equal(SiloEntryPoint.ConfigurationErrorExitCode, exitCode);
        Assert.Contains("NETOPS__Auth__Mode: auth.mode: 'open' is not one of none, apikey", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_config_file_and_missing_argument_value_are_reported()
    {
        using var errors = new StringWriter();

        var missingFile = await SiloEntryPoint.RunAsync(["--config", "no/such/silo.yaml"], new Dictionary<string, string?>(), errors);
        var missingValue = await SiloEntryPoint.RunAsync(["--config"], new Dictionary<string, string?>(), errors);

        Assert.Equal(SiloEntryPoint.ConfigurationErrorExitCode, missingFile);
        Assert.Equal(SiloEntryPoint.ConfigurationErrorExitCode, missingValue);
        Assert.Contains("no/such/silo.yaml: the configuration file does not exist", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("--config: needs a file path", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Config_argument_wins_over_the_variable_and_the_rest_goes_to_aspnet()
    {
        using var fromArgument = new TempFile("network:\n  simulated: false\n");
        using var fromVariable = new TempFile("network:\n  simulated: true\n");

        var options = SiloEntryPoint.Prepare(
            [$"--config={fromArgument.FilePath}", "--environment", "Staging"],
            new Dictionary<string, string?> { ["NETOPS_CONFIG"] = fromVariable.FilePath, ["NETOPS_LOG_FORMAT"] = "JSON" });

        Assert.False(options.Config.Network.Simulated);
        Assert.Equal(fromArgument.FilePath, options.ConfigSource);
        Assert.Equal(["--environment", "Staging"], options.Args);
        Assert.True(options.JsonLogs);
    }

    [Fact]
    public void Without_a_path_the_repository_default_is_found_upward()
    {
        var choice = ConfigFileLocator.Resolve(null, Path.Combine(RepositoryFiles.Root, "src", "OrleansNetOps.Silo"), Path.GetTempPath());

        Assert.Equal(RepositoryFiles.SiloConfig("silo.yaml"), choice.Path);
        Assert.Equal(RepositoryFiles.SiloConfig("silo.yaml"), choice.DisplayName);
        Assert.Equal("silo-config/silo.yaml", ConfigFileLocator.Resolve(null, RepositoryFiles.Root, Path.GetTempPath()).DisplayName);
    }

    [Fact]
    public void Without_any_file_the_embedded_configuration_is_used()
    {
        var empty = Path.Combine(Path.GetTempPath(), "netops-empty-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        try
        {
            var choice = ConfigFileLocator.Resolve(null, empty, empty);

            Assert.Null(choice.Path);
            Assert.Equal(SiloConfigLoader.EmbeddedSourceName, choice.DisplayName);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    private static string SiloExecutable()
    {
        // The silo's own output folder has its runtimeconfig and deps files; build configuration matches the tests'.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(RepositoryFiles.Root, "src", "OrleansNetOps.Silo", "bin", configuration, "net10.0", "OrleansNetOps.Silo.dll");
        Assert.True(File.Exists(path), $"{path} is not built");
        return path;
    }
}
