using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Drivers.Processes;
using OrleansNetOps.Drivers.Transport;

namespace OrleansNetOps.Drivers.Tests.Lab;

/// <summary>
/// A throwaway OpenSSH server on 127.0.0.1 (Debian's sshd): its own host key, one user key for root that may run
/// only <c>netops-frr-gate</c> for one lab router's vty socket (forced command, <c>restrict</c>), no passwords.
/// Stopped (by its own pid) and its directory deleted on dispose.
/// </summary>
internal sealed class LocalSshd : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;
    private Process? _sshd;

    private LocalSshd(DirectoryInfo directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string IdentityFile => Path.Combine(_directory.FullName, "user_key");

    public string KnownHostsFile => Path.Combine(_directory.FullName, "known_hosts");

    public string Directory => _directory.FullName;

    /// <summary>The endpoint a driver uses to reach the gate.</summary>
    public SshEndpoint Endpoint => new("127.0.0.1", "root", IdentityFile, KnownHostsFile) { Port = Port, ConnectTimeout = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<LocalSshd> StartAsync(string vtySocketDirectory)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("netops-sshd-");
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var sshd = new LocalSshd(directory, port);
        try
        {
            await sshd.StartAsync(vtySocketDirectory, port);
            return sshd;
        }
        catch
        {
            await sshd.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes a known_hosts file holding a freshly made key that is not the server's.</summary>
    public async Task<string> WrongKnownHostsAsync()
    {
        var other = Path.Combine(Directory, "other_host_key");
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", other);
        var file = Path.Combine(Directory, "wrong_known_hosts");
        await File.WriteAllTextAsync(file, KnownHostsLine(await File.ReadAllTextAsync(other + ".pub")));
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sshd is { HasExited: false })
        {
            _sshd.Kill();
            await _sshd.WaitForExitAsync();
        }

        _sshd?.Dispose();
        _directory.Delete(recursive: true);
    }

    private async Task StartAsync(string vtySocketDirectory, int port)
    {
        var hostKey = Path.Combine(Directory, "host_key");
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", hostKey);
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-C", "netops-driver-test", "-f", IdentityFile);
        await File.WriteAllTextAsync(KnownHostsFile, KnownHostsLine(await File.ReadAllTextAsync(hostKey + ".pub")));

        var gate = Path.Combine(AppContext.BaseDirectory, "Transport", "netops-frr-gate");
        Assert.True(File.Exists(gate), $"{gate} is not beside the tests");
        var forced = $"command=\"/bin/bash {gate} --vty-socket {vtySocketDirectory}\",restrict ";
        await File.WriteAllTextAsync(Path.Combine(Directory, "authorized_keys"), forced + await File.ReadAllTextAsync(IdentityFile + ".pub"));

        var config = Path.Combine(Directory, "sshd_config");
        await File.WriteAllTextAsync(config, string.Join('\n',
            "ListenAddress 127.0.0.1",
            string.Create(CultureInfo.InvariantCulture, $"Port {port}"),
            $"HostKey {hostKey}",
            $"PidFile {Path.Combine(Directory, "sshd.pid")}",
            $"AuthorizedKeysFile {Path.Combine(Directory, "authorized_keys")}",
            "AllowUsers root",
            "PermitRootLogin forced-commands-only",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "UsePAM no",
            "StrictModes no",
            "X11Forwarding no",
            "AllowTcpForwarding no",
            "PermitTTY no",
            string.Empty));

        // sshd refuses to start without its privilege-separation directory.
        System.IO.Directory.CreateDirectory("/run/sshd");
        _sshd = Process.Start(new ProcessStartInfo("/usr/sbin/sshd", ["-D", "-e", "-f", config]) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("sshd did not start");
        _sshd.ErrorDataReceived += (_, _) => { };
        _sshd.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_sshd.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private string KnownHostsLine(string publicKey)
    {
        var parts = publicKey.Trim().Split(' ');
        return string.Create(CultureInfo.InvariantCulture, $"[127.0.0.1]:{Port} {parts[0]} {parts[1]}\n");
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var outcome = await ProcessRunner.RunAsync(new ProcessRun(program, [.. arguments]));
        Assert.True(outcome.Succeeded, $"{program} failed: {outcome.Error}");
    }
}
