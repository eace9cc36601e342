using OrleansNetOps.Configuration;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private static ConfigException Fails(string yaml, IReadOnlyDictionary<string, string?>? environment = null) =>
        Assert.Throws<ConfigException>(() => SiloConfigLoader.Parse(yaml, "silo-config/silo.yaml", environment ?? NoEnvironment));

    [Fact]
    public void Syntax_error_names_file_line_and_column()
    {
        var error = Fails("storage:\n  kind: memory\n postgres: {}\n");

        Assert.StartsWith("silo-config/silo.yaml:3:2: YAML syntax error: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Line:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_flow_collection_names_where_parsing_stopped()
    {
        var error = Fails("storage:\n  kind: memory\n  postgres: {schema: x\nauth:\n  mode: none\n");

        Assert.StartsWith("silo-config/silo.yaml:3:20: YAML syntax error", Assert.Single(error.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_field_is_named_with_its_position_and_the_known_fields()
    {
        var error = Fails("storage:\n  kind: memory\n  colour: blue\n");

        Assert.StartsWith("silo-config/silo.yaml:3:3: storage.colour: unknown field; expected one of kind, postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_section_is_named()
    {
        var error = Fails("network:\n  simulated: true\ngalaxy:\n  size: 3\n");

        Assert.StartsWith("silo-config/silo.yaml:3:1: galaxy: unknown field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_enumeration_value_lists_the_allowed_values()
    {
        var error = Fails("http:\n  endpoints: [\"http://127.0.0.1:8080\"]\nstorage:\n  kind: mongo\n");

        Assert.Equal("silo-config/silo.yaml:4:9: storage.kind: 'mongo' is not one of memory, postgres", error.Message);
    }

    [Fact]
    public void Wrong_type_is_named()
    {
        var error = Fails("runtime:\n  responseTimeoutSeconds: soon\n");

        Assert.Equal("silo-config/silo.yaml:2:27: runtime.responseTimeoutSeconds: 'soon' is not a whole number", error.Message);
    }

    [Fact]
    public void A_list_where_a_number_belongs_is_a_wrong_type()
    {
        var error = Fails("listeners:\n  flowPort: [1, 2]\n");

        Assert.Equal("silo-config/silo.yaml:2:13: listeners.flowPort: expected a whole number but found a list", error.Message);
    }

    [Fact]
    public void Wrong_boolean_is_named()
    {
        var error = Fails("network:\n  simulated: yes\n");

        Assert.Equal("silo-config/silo.yaml:2:14: network.simulated: 'yes' is not true or false", error.Message);
    }

    [Fact]
    public void Out_of_range_value_gives_the_range()
    {
        var error = Fails("listeners:\n  bmpPort: 70000\n");

        Assert.Equal("silo-config/silo.yaml:2:12: listeners.bmpPort: 70000 is out of range (0..65535)", error.Message);
    }

    [Fact]
    public void Postgres_without_connection_string_is_missing_a_required_value()
    {
        var error = Fails("storage:\n  kind: postgres\n");

        Assert.Equal("silo-config/silo.yaml:2:9: storage.postgres.connectionString: is required when storage.kind is postgres", error.Message);
    }

    [Fact]
    public void Postgres_section_without_connection_string_points_at_the_section()
    {
        var error = Fails("storage:\n  kind: postgres\n  postgres:\n    schema: netops\n");

        Assert.Equal("silo-config/silo.yaml:4:5: storage.postgres.connectionString: is required when storage.kind is postgres", error.Message);
    }

    [Fact]
    public void A_value_where_a_section_belongs_is_named()
    {
        var error = Fails("auth: apikey\n");

        Assert.Equal("silo-config/silo.yaml:1:7: auth: expected a section of fields but found 'apikey'", error.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Fails("storage:\n  kind: mongo\nlisteners:\n  bmpPort: -5\nnetwork:\n  simulated: 7\n");

        Assert.Equal(3, error.Errors.Count);
        Assert.Equal(["storage.kind", "listeners.bmpPort", "network.simulated"], error.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Duplicate_field_is_named()
    {
        var error = Fails("storage:\n  kind: memory\n  Kind: postgres\n");

        Assert.Contains("storage.Kind: the field appears more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Listener_ports_must_differ()
    {
        var error = Fails("listeners:\n  syslogPort: 2055\n");

        Assert.Equal("silo-config/silo.yaml:2:15: listeners.syslogPort: port 2055 is also used by listeners.flowPort", error.Message);
    }

    [Fact]
    public void Endpoint_must_be_an_http_url()
    {
        var error = Fails("http:\n  endpoints:\n    - 127.0.0.1:8080\n    - http://127.0.0.1:8081/api\n");

        Assert.Equal(2, error.Errors.Count);
        Assert.Equal("silo-config/silo.yaml:3:7", error.Errors[0].Location);
        Assert.Equal("http.endpoints[0]", error.Errors[0].Path);
        Assert.Equal("http.endpoints[1]", error.Errors[1].Path);
    }

    [Fact]
    public void Api_keys_are_checked_one_by_one()
    {
        var yaml = """
            auth:
              mode: apikey
              keys:
                - name: noc
                  key: short
                  roles: [viewer]
                - name: noc
                  key: a-long-enough-key-0001
                  keySha256: 0000000000000000000000000000000000000000000000000000000000000000
                  roles: [viewer]
                - name: ops
                  keySha256: not-hex
                  roles: [king]
                - name: ok
                  key: a-long-enough-key-0002
            """;

        var error = Fails(yaml);

        Assert.Contains(error.Errors, e => e is { Path: "auth.keys[0].key", Location: "silo-config/silo.yaml:5:12" } && e.Message.Contains("too short", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Path == "auth.keys[1]" && e.Message == "give exactly one of key and keySha256");
        Assert.Contains(error.Errors, e => e.Path == "auth.keys[2].keySha256");
        Assert.Contains(error.Errors, e => e is { Path: "auth.keys[2].roles[0]", Message: "'king' is not one of viewer, operator, approver, admin" });
        Assert.Contains(error.Errors, e => e.Path == "auth.keys[3].roles" && e.Message.StartsWith("needs at least one", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_key_names_are_refused()
    {
        var yaml = "auth:\n  keys:\n    - {name: noc, key: a-long-enough-key-0001, roles: [viewer]}\n    - {name: NOC, key: a-long-enough-key-0002, roles: [admin]}\n";

        var error = Fails(yaml);

        Assert.Equal("silo-config/silo.yaml:4:14: auth.keys[1].name: 'NOC' is used by another key", error.Message);
    }

    [Fact]
    public void Empty_file_gives_the_defaults()
    {
        var config = SiloConfigLoader.Parse("# nothing here\n", "silo.yaml", NoEnvironment);

        Assert.Equal(new SiloConfig().Runtime, config.Runtime);
        Assert.Equal(StorageKind.Memory, config.Storage.Kind);
        Assert.Equal(AuthMode.ApiKey, config.Auth.Mode);
        Assert.Equal([HttpConfig.DefaultEndpoint], config.Http.Endpoints);
        Assert.Equal(11019, config.Listeners.BmpPort);
        Assert.True(config.Network.Simulated);
    }

    [Fact]
    public void Shipped_default_is_memory_without_auth_on_loopback()
    {
        var config = SiloConfigLoader.LoadFile(RepositoryFiles.SiloConfig("silo.yaml"), NoEnvironment);

        Assert.Equal(StorageKind.Memory, config.Storage.Kind);
        Assert.Equal(AuthMode.None, config.Auth.Mode);
        Assert.Equal(["http://127.0.0.1:8080"], config.Http.Endpoints);
        Assert.Equal(new ListenersConfig { BmpPort = 11019, SyslogPort = 5514, FlowPort = 2055, SnmpTrapPort = 1162 }, config.Listeners);
        Assert.Equal(30, config.Runtime.ResponseTimeoutSeconds);
        Assert.Equal(15, config.Runtime.CollectionAgeMinutes);
    }

    [Fact]
    public void Embedded_default_equals_the_shipped_file()
    {
        var embedded = SiloConfigLoader.LoadEmbedded(NoEnvironment);
        var file = SiloConfigLoader.LoadFile(RepositoryFiles.SiloConfig("silo.yaml"), NoEnvironment);

        Assert.Equal(file.Storage, embedded.Storage);
        Assert.Equal(file.Auth.Mode, embedded.Auth.Mode);
        Assert.Equal(file.Runtime, embedded.Runtime);
        Assert.Equal(file.Http.Endpoints, embedded.Http.Endpoints);
    }

    [Fact]
    public void Shipped_postgres_example_is_valid()
    {
        var config = SiloConfigLoader.LoadFile(RepositoryFiles.SiloConfig("silo.postgres.yaml"), NoEnvironment);

        Assert.Equal(StorageKind.Postgres, config.Storage.Kind);
        Assert.Equal("netops", config.Storage.Postgres!.Schema);
        Assert.Equal(AuthMode.ApiKey, config.Auth.Mode);
        Assert.Equal(2, config.Auth.Keys.Count);
        Assert.Equal([Role.Operator, Role.Approver], config.Auth.Keys[1].Roles);
        Assert.False(config.Network.Simulated);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var error = Assert.Throws<ConfigException>(() => SiloConfigLoader.LoadFile("/nonexistent/silo.yaml", NoEnvironment, "conf/silo.yaml"));

        Assert.StartsWith("conf/silo.yaml: cannot read the configuration file", error.Message, StringComparison.Ordinal);
    }
}
