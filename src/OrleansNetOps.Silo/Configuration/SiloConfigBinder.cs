using OrleansNetOps.Configuration;
using System.Text.RegularExpressions;
using OrleansNetOps.Silo.Auth;
using YamlDotNet.RepresentationModel;

namespace OrleansNetOps.Silo.Configuration;

/// <summary>Turns the (overridden) YAML tree into a <see cref="SiloConfig"/>, checking every field.</summary>
internal static partial class SiloConfigBinder
{
    public const int MinimumKeyLength = 16;

    public static SiloConfig Bind(YamlNode root, ConfigDiagnostics diagnostics)
    {
        var section = new YamlSection(diagnostics, root, root, string.Empty);
        var defaults = new SiloConfig();
        var config = new SiloConfig
        {
            Http = BindHttp(section.Section("http")),
            Storage = BindStorage(section.Section("storage")),
            Auth = BindAuth(section.Section("auth")),
            Runtime = BindRuntime(section.Section("runtime"), defaults.Runtime),
            Cluster = BindCluster(section.Section("cluster"), defaults.Cluster),
            Listeners = BindListeners(section.Section("listeners"), defaults.Listeners),
            Network = BindNetwork(section.Section("network"), defaults.Network),
            Assistant = OrleansNetOps.Silo.Assistant.AssistantConfigBinding.Bind(section.Section("assistant")),
            Itsm = OrleansNetOps.Silo.Itsm.ItsmConfigReader.Read(section.Section("itsm")),
            Analysis = OrleansNetOps.Silo.Analysis.AnalysisConfigReader.Read(section.Section("analysis")),
        };
        section.Finish();
        return config;
    }

    private static HttpConfig BindHttp(YamlSection section)
    {
        var items = section.Strings("endpoints");
        section.Finish();
        if (items is null)
        {
            return new HttpConfig();
        }

        if (items.Count == 0)
        {
            section.Report(section.Anchor, section.Child("endpoints"), "needs at least one URL");
        }

        foreach (var (text, node, path) in items)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                section.Report(node, path, $"'{text}' is not an absolute http:// or https:// URL");
            }
            else if (uri.AbsolutePath != "/" || uri.Query.Length > 0)
            {
                section.Report(node, path, $"'{text}' must not have a path; give scheme, host and port only");
            }
        }

        return new HttpConfig { Endpoints = items.Select(i => i.Text).ToList() };
    }

    private static StorageConfig BindStorage(YamlSection section)
    {
        var kindNode = section.Value("kind");
        var kind = section.Enum("kind", StorageKind.Memory);
        var postgresSection = section.Section("postgres");
        var connectionString = postgresSection.String("connectionString");
        var schema = postgresSection.String("schema") ?? PostgresStorageConfig.DefaultSchema;
        var schemaNode = postgresSection.Value("schema");
        postgresSection.Finish();
        section.Finish();
        if (schemaNode is not null && !IdentifierPattern().IsMatch(schema))
        {
            section.Report(schemaNode, postgresSection.Child("schema"),
                $"'{schema}' is not a plain identifier (a letter or underscore, then letters, digits or underscores; at most 63)");
        }

        if (kind == StorageKind.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            var anchor = postgresSection.IsPresent ? postgresSection.Anchor : kindNode ?? section.Anchor;
            section.Report(anchor, postgresSection.Child("connectionString"), "is required when storage.kind is postgres");
        }

        var postgres = postgresSection.IsPresent || kind == StorageKind.Postgres
            ? new PostgresStorageConfig { ConnectionString = connectionString ?? string.Empty, Schema = schema }
            : null;
        return new StorageConfig { Kind = kind, Postgres = postgres };
    }

    private static AuthConfig BindAuth(YamlSection section)
    {
        var mode = section.Enum("mode", AuthMode.ApiKey);
        var keySections = section.Sections("keys") ?? [];
        section.Finish();
        var keys = new List<ApiKeyConfig>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var keySection in keySections)
        {
            var key = BindKey(keySection);
            if (key is null)
            {
                continue;
            }

            if (!names.Add(key.Name))
            {
                keySection.Report(keySection.Value("name") ?? keySection.Anchor, keySection.Child("name"), $"'{key.Name}' is used by another key");
            }

            keys.Add(key);
        }

        return new AuthConfig { Mode = mode, Keys = keys };
    }

    private static ApiKeyConfig? BindKey(YamlSection section)
    {
        if (!section.IsPresent)
        {
            section.Report(section.Anchor, section.Path, "expected a key with name, key or keySha256, and roles");
            return null;
        }

        var name = section.String("name");
        var keyNode = section.Value("key");
        var key = section.String("key");
        var hashNode = section.Value("keySha256");
        var hash = section.String("keySha256");
        var roles = section.Enums<Role>("roles");
        section.Finish();
        var valid = true;
        if (string.IsNullOrWhiteSpace(name))
        {
            section.Report(section.Anchor, section.Child("name"), "is required");
            valid = false;
        }
        else if (!KeyNamePattern().IsMatch(name))
        {
            section.Report(section.Value("name")!, section.Child("name"), $"'{name}' may only use letters, digits, '.', '_' and '-'");
            valid = false;
        }

        if ((key is null) == (hash is null))
        {
            section.Report(section.Anchor, section.Path, "give exactly one of key and keySha256");
            valid = false;
        }
        else if (key is not null && key.Length < MinimumKeyLength)
        {
            section.Report(keyNode!, section.Child("key"), $"is too short: at least {MinimumKeyLength} characters");
            valid = false;
        }
        else if (hash is not null && !Sha256Pattern().IsMatch(hash))
        {
            section.Report(hashNode!, section.Child("keySha256"), "must be 64 hexadecimal digits (the SHA-256 of the key)");
            valid = false;
        }

        if (roles is null || roles.Count == 0)
        {
            section.Report(section.Value("roles") ?? section.Anchor, section.Child("roles"), $"needs at least one of {YamlSection.EnumNames<Role>()}");
            valid = false;
        }

        return valid ? new ApiKeyConfig { Name = name!, Key = key, KeySha256 = hash?.ToLowerInvariant(), Roles = roles! } : null;
    }

    private static RuntimeConfig BindRuntime(YamlSection section, RuntimeConfig defaults)
    {
        var config = new RuntimeConfig
        {
            ResponseTimeoutSeconds = section.Int("responseTimeoutSeconds", defaults.ResponseTimeoutSeconds, 1, 3600),
            CollectionAgeMinutes = section.Int("collectionAgeMinutes", defaults.CollectionAgeMinutes, 1, 7 * 24 * 60),
            CollectionQuantumSeconds = section.Int("collectionQuantumSeconds", defaults.CollectionQuantumSeconds, 1, 3600),
            DeactivationTimeoutSeconds = section.Int("deactivationTimeoutSeconds", defaults.DeactivationTimeoutSeconds, 1, 600),
            ShutdownTimeoutSeconds = section.Int("shutdownTimeoutSeconds", defaults.ShutdownTimeoutSeconds, 1, 600),
        };
        section.Finish();
        return config;
    }

    private static ClusterConfig BindCluster(YamlSection section, ClusterConfig defaults)
    {
        var config = new ClusterConfig
        {
            ClusterId = Identifier(section, "clusterId", defaults.ClusterId),
            ServiceId = Identifier(section, "serviceId", defaults.ServiceId),
            SiloPort = section.Int("siloPort", defaults.SiloPort, 0, 65535),
            GatewayPort = section.Int("gatewayPort", defaults.GatewayPort, 0, 65535),
            AdvertisedAddress = AdvertisedAddress(section, defaults.AdvertisedAddress),
            Membership = BindMembership(section.Section("membership"), defaults.Membership),
        };
        section.Finish();
        if (config.SiloPort != 0 && config.SiloPort == config.GatewayPort)
        {
            section.Report(section.Value("gatewayPort") ?? section.Anchor, section.Child("gatewayPort"), $"port {config.GatewayPort} is also cluster.siloPort");
        }

        return config;
    }

    private static string AdvertisedAddress(YamlSection section, string fallback)
    {
        var text = section.String("advertisedAddress");
        if (text is null)
        {
            return fallback;
        }

        if (!System.Net.IPAddress.TryParse(text.Trim(), out var address))
        {
            section.Report(section.Value("advertisedAddress")!, section.Child("advertisedAddress"),
                $"'{text}' is not an IP address (other silos connect to it; a host name is not accepted)");
            return fallback;
        }

        if (address.Equals(System.Net.IPAddress.Any) || address.Equals(System.Net.IPAddress.IPv6Any))
        {
            section.Report(section.Value("advertisedAddress")!, section.Child("advertisedAddress"),
                $"'{text}' cannot be reached by other silos: give this machine's address on the network the silos share");
            return fallback;
        }

        return address.ToString();
    }

    private static MembershipConfig BindMembership(YamlSection section, MembershipConfig defaults)
    {
        var config = new MembershipConfig
        {
            ProbeTimeoutSeconds = section.Double("probeTimeoutSeconds", defaults.ProbeTimeoutSeconds, 0.1, 60),
            MaxProbeTimeoutSeconds = section.Double("maxProbeTimeoutSeconds", defaults.MaxProbeTimeoutSeconds, 0.1, 600),
            MissedProbesLimit = section.Int("missedProbesLimit", defaults.MissedProbesLimit, 1, 10),
            VotesForDeath = section.Int("votesForDeath", defaults.VotesForDeath, 1, 10),
            IAmAliveSeconds = section.Double("iAmAliveSeconds", defaults.IAmAliveSeconds, 0.5, 300),
            MissedIAmAliveLimit = section.Int("missedIAmAliveLimit", defaults.MissedIAmAliveLimit, 1, 10),
            TableRefreshSeconds = section.Double("tableRefreshSeconds", defaults.TableRefreshSeconds, 1, 600),
        };
        section.Finish();
        if (config.MaxProbeTimeoutSeconds < config.ProbeTimeoutSeconds)
        {
            section.Report(section.Value("maxProbeTimeoutSeconds") ?? section.Anchor, section.Child("maxProbeTimeoutSeconds"),
                $"must be at least probeTimeoutSeconds ({config.ProbeTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }

        return config;
    }

    private static string Identifier(YamlSection section, string name, string fallback)
    {
        var text = section.String(name);
        if (text is null)
        {
            return fallback;
        }

        if (!ClusterIdentifier().IsMatch(text))
        {
            section.Report(section.Value(name)!, section.Child(name), $"'{text}' must be 1-64 letters, digits, '.', '_' or '-'");
            return fallback;
        }

        return text;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ClusterIdentifier();

    private static ListenersConfig BindListeners(YamlSection section, ListenersConfig defaults)
    {
        var ports = new (string Name, YamlNode? Node, int Port)[4];
        int Read(int slot, string name, int fallback)
        {
            var port = section.Int(name, fallback, 0, 65535);
            ports[slot] = (name, section.Value(name), port);
            return port;
        }

        var addressText = section.String("address");
        var address = defaults.Address;
        if (addressText is not null)
        {
            if (System.Net.IPAddress.TryParse(addressText.Trim(), out var parsed))
            {
                address = parsed.ToString();
            }
            else
            {
                section.Report(section.Value("address")!, section.Child("address"), $"'{addressText}' is not an IP address");
            }
        }

        var unixPath = section.String("syslogUnixPath");
        // An empty value ("syslogUnixPath:") means the same as leaving the key out.
        if (!string.IsNullOrEmpty(unixPath))
        {
            // sun_path holds 108 bytes including the terminating NUL; a relative path would depend on the
            // directory the service happens to start in, which the router writing to it cannot know.
            if (!unixPath.StartsWith('/'))
            {
                section.Report(section.Value("syslogUnixPath")!, section.Child("syslogUnixPath"), $"'{unixPath}' must be an absolute path");
            }
            else if (System.Text.Encoding.UTF8.GetByteCount(unixPath) > 107)
            {
                section.Report(section.Value("syslogUnixPath")!, section.Child("syslogUnixPath"), "a Unix socket path may be at most 107 bytes long");
            }
        }

        var config = new ListenersConfig
        {
            Address = address,
            BmpPort = Read(0, "bmpPort", defaults.BmpPort),
            SyslogPort = Read(1, "syslogPort", defaults.SyslogPort),
            SyslogUnixPath = string.IsNullOrEmpty(unixPath) ? defaults.SyslogUnixPath : unixPath,
            FlowPort = Read(2, "flowPort", defaults.FlowPort),
            SnmpTrapPort = Read(3, "snmpTrapPort", defaults.SnmpTrapPort),
        };
        section.Finish();

        // Syslog, flows and traps all use UDP, and BMP shares TCP with syslog: any two equal ports collide.
        // Port 0 means "any free port" and never collides.
        foreach (var group in ports.Where(p => p.Port != 0).GroupBy(p => p.Port).Where(g => g.Count() > 1))
        {
            // Point at a port that was written down: a default cannot be what the operator needs to change.
            var clash = group.OrderBy(p => p.Node is null ? 1 : 0).ToList();
            section.Report(clash[0].Node ?? section.Anchor, section.Child(clash[0].Name),
                $"port {group.Key} is also used by {section.Child(clash[1].Name)}");
        }

        return config;
    }

    private static NetworkConfig BindNetwork(YamlSection section, NetworkConfig defaults)
    {
        var config = new NetworkConfig
        {
            Simulated = section.Bool("simulated", defaults.Simulated),
            TopologyFile = section.String("topologyFile") ?? defaults.TopologyFile,
            SimulationStepSeconds = section.Int("simulationStepSeconds", defaults.SimulationStepSeconds, 1, 86_400),
            Demo = section.Bool("demo", defaults.Demo),
            DemoStepSeconds = section.Int("demoStepSeconds", defaults.DemoStepSeconds, 1, 3600),
        };
        section.Finish();
        return config;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex KeyNamePattern();

    [GeneratedRegex("^[0-9A-Fa-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
