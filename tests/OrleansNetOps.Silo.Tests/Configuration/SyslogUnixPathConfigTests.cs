using OrleansNetOps.Configuration;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Tests.Configuration;

/// <summary><c>listeners.syslogUnixPath</c>: optional, absolute, and short enough for a Unix socket address.</summary>
public sealed class SyslogUnixPathConfigTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private static SiloConfig Parse(string yaml) => SiloConfigLoader.Parse(yaml, "silo.yaml", NoEnvironment);

    [Fact]
    public void Unset_by_default_and_when_empty()
    {
        Assert.Null(Parse("listeners:\n  syslogPort: 5514\n").Listeners.SyslogUnixPath);
        Assert.Null(Parse("listeners:\n  syslogUnixPath:\n").Listeners.SyslogUnixPath);
    }

    [Fact]
    public void Absolute_path_is_taken()
    {
        Assert.Equal("/run/netops/syslog.sock", Parse("listeners:\n  syslogUnixPath: /run/netops/syslog.sock\n").Listeners.SyslogUnixPath);
    }

    [Fact]
    public void Relative_or_too_long_path_is_named_with_its_position()
    {
        var relative = Assert.Throws<ConfigException>(() => Parse("listeners:\n  syslogUnixPath: run/syslog.sock\n"));
        Assert.StartsWith("silo.yaml:2:19: listeners.syslogUnixPath: 'run/syslog.sock' must be an absolute path", relative.Message, StringComparison.Ordinal);

        var tooLong = Assert.Throws<ConfigException>(() => Parse($"listeners:\n  syslogUnixPath: /{new string('x', 107)}\n"));
        Assert.Contains("listeners.syslogUnixPath: a Unix socket path may be at most 107 bytes long", tooLong.Message, StringComparison.Ordinal);
    }
}
