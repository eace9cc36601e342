using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using Npgsql;

namespace OrleansNetOps.Cluster.Tests;

/// <summary>
/// One silo as an operator runs it: <c>dotnet OrleansNetOps.Silo.dll --config silo.yaml</c>, a process of its own with
/// its own ports, its output in a log file. It can be killed (SIGKILL, nothing flushed) and started again on the same
/// configuration.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly string _configFile;
    private readonly string _logFile;
    private readonly string _connectionString;
    private Process? _process;

    // topologyFile: the network the silo listens to over BMP; null runs the simulated network inside the process.
    public SiloProcess(string name, string directory, string schema, string clusterId, string connectionString, string? topologyFile)
    {
        Name = name;
        _connectionString = connectionString;
        HttpPort = FreePort(SocketType.Stream);
        BmpPort = FreePort(SocketType.Stream);
        SiloPort = FreePort(SocketType.Stream);
        _configFile = Path.Combine(directory, $"{name}.yaml");
        _logFile = Path.Combine(directory, $"{name}.log");
        var network = topologyFile is null
            ? "  simulated: true\n  simulationStepSeconds: 3600"
            : $"  simulated: false\n  topologyFile: {topologyFile}";
        File.WriteAllText(_configFile, string.Create(CultureInfo.InvariantCulture, $"""
            http:
              endpoints: [http://127.0.0.1:{HttpPort}]
            storage:
              kind: postgres
              postgres:
                schema: {schema}
            auth:
              mode: none
            cluster:
              clusterId: {clusterId}
              serviceId: {clusterId}
              siloPort: {SiloPort}
              advertisedAddress: 127.0.0.1
            listeners:
              address: 127.0.0.1
              bmpPort: {BmpPort}
              syslogPort: {FreePort(SocketType.Dgram)}
              flowPort: {FreePort(SocketType.Dgram)}
              snmpTrapPort: {FreePort(SocketType.Dgram)}
            network:
            {network}
            """));
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}"), Timeout = TimeSpan.FromSeconds(3) };
    }

    public string Name { get; }

    public int HttpPort { get; }

    public int BmpPort { get; }

    public int SiloPort { get; }

    public HttpClient Api { get; }

    /// <summary>The silo's output so far, across every start.</summary>
    public string Log
    {
        get
        {
            if (!File.Exists(_logFile))
            {
                return string.Empty;
            }

            // Shared with the writer that is still appending to it.
            using var stream = new FileStream(_logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public bool Running => _process is { HasExited: false };

    /// <summary>The silo executable the test project's build produced (same configuration as the test).</summary>
    public static string SiloAssembly
    {
        get
        {
            var configuration = typeof(SiloProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "src", "OrleansNetOps.Silo", "bin", configuration, "net10.0", "OrleansNetOps.Silo.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException($"the silo's build output (src/OrleansNetOps.Silo/bin/{configuration}) was not found above {AppContext.BaseDirectory}");
        }
    }

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { SiloAssembly, "--config", _configFile },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The password stays out of the file, as the README advises for production.
        start.Environment["NETOPS__Storage__Postgres__ConnectionString"] = _connectionString;
        start.Environment["DOTNET_gcServer"] = "0";
        var process = new Process { StartInfo = start };
        var log = new StreamWriter(_logFile, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Exited += (_, _) => Write(log, "--- process exited ---");
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>SIGKILL: the silo gets no chance to leave the cluster or close its connections politely.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public Task<bool> IsReadyAsync() => AnswersAsync("/health/ready");

    public Task<bool> IsLiveAsync() => AnswersAsync("/health/live");

    private async Task<bool> AnswersAsync(string path)
    {
        try
        {
            using var response = await Api.GetAsync(new Uri(path, UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Api.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{Name}: GET {path} → {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Sends a request to this silo (<see cref="ClusterTestApi.SendAsync"/>).</summary>
    public Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null, HttpStatusCode? expect = null) =>
        ClusterTestApi.SendAsync(Api, method, path, body, expect);

    /// <summary>After a run: drops the silos' schema, and their directory too unless the run failed (its logs stay).</summary>
    public static async Task CleanUpAsync(string connectionString, string schema, string directory, bool passed)
    {
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        await using (var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        // A failed run's logs stay: its failure message names the directory.
        if (passed)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        Api.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static int FreePort(SocketType type)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, type, type == SocketType.Stream ? ProtocolType.Tcp : ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
