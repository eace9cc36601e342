using OrleansNetOps.Configuration;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Tests.Configuration;

public sealed class EnvironmentOverrideTests
{
    private const string File = "storage:\n  kind: memory\nauth:\n  mode: none\n  keys:\n    - name: noc\n      key: a-long-enough-key-0001\n      roles: [viewer]\n";

    private static SiloConfig Load(params (string Name, string Value)[] variables) =>
        SiloConfigLoader.Parse(File, "silo.yaml", variables.ToDictionary(v => v.Name, v => (string?)v.Value));

    private static ConfigException Fails(params (string Name, string Value)[] variables) =>
        Assert.Throws<ConfigException>(() => Load(variables));

    [Fact]
    public void Overrides_replace_file_values_and_keys_are_case_insensitive()
    {
        var config = Load(
            ("NETOPS__Storage__Kind", "postgres"),
            ("NETOPS__STORAGE__POSTGRES__CONNECTIONSTRING", "Host=127.0.0.1;Database=netops"),
            ("netops__auth__mode", "apikey"),
            ("NETOPS__Network__Simulated", "false"),
            ("NETOPS__Runtime__ResponseTimeoutSeconds", "5"));

        Assert.Equal(StorageKind.Postgres, config.Storage.Kind);
        Assert.Equal("Host=127.0.0.1;Database=netops", config.Storage.Postgres!.ConnectionString);
        Assert.Equal(AuthMode.ApiKey, config.Auth.Mode);
        Assert.False(config.Network.Simulated);
        Assert.Equal(5, config.Runtime.ResponseTimeoutSeconds);
    }

    [Fact]
    public void A_list_is_written_comma_separated()
    {
        var config = Load(("NETOPS__Http__Endpoints", "http://127.0.0.1:9000, http://[::1]:9000"));

        Assert.Equal(["http://127.0.0.1:9000", "http://[::1]:9000"], config.Http.Endpoints);
    }

    [Fact]
    public void A_number_segment_selects_a_list_item()
    {
        var config = Load(("NETOPS__Auth__Keys__0__Roles", "operator,approver"));

        Assert.Equal([Role.Operator, Role.Approver], config.Auth.Keys[0].Roles);
    }

    [Fact]
    public void Bad_value_names_the_variable()
    {
        var error = Fails(("NETOPS__Storage__Kind", "mongo"));

        Assert.Equal("NETOPS__Storage__Kind: storage.kind: 'mongo' is not one of memory, postgres", error.Message);
    }

    [Fact]
    public void Bad_type_and_range_name_the_variables()
    {
        var error = Fails(("NETOPS__Network__Simulated", "perhaps"), ("NETOPS__Listeners__BmpPort", "-1"));

        Assert.Contains("NETOPS__Network__Simulated: network.simulated: 'perhaps' is not true or false", error.Message, StringComparison.Ordinal);
        Assert.Contains("NETOPS__Listeners__BmpPort: listeners.bmpPort: -1 is out of range (0..65535)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_names_the_variable()
    {
        var error = Fails(("NETOPS__Storage__Knd", "postgres"));

        Assert.StartsWith("NETOPS__Storage__Knd: storage.knd: unknown field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Switching_to_postgres_without_a_connection_string_names_the_variable()
    {
        var error = Fails(("NETOPS__Storage__Kind", "postgres"));

        Assert.Equal("NETOPS__Storage__Kind: storage.postgres.connectionString: is required when storage.kind is postgres", error.Message);
    }

    [Fact]
    public void A_list_index_out_of_range_is_named()
    {
        var error = Fails(("NETOPS__Auth__Keys__3__Name", "x"));

        Assert.Equal("NETOPS__Auth__Keys__3__Name: auth.keys[3]: the list has 1 items; '3' does not select one", error.Message);
    }

    [Fact]
    public void Variables_without_the_double_underscore_prefix_are_not_overrides()
    {
        var config = Load(("NETOPS_CONFIG", "elsewhere.yaml"), ("NETOPS_BOOTSTRAP_ADMIN_KEY", "x"), ("STORAGE__KIND", "mongo"));

        Assert.Equal(StorageKind.Memory, config.Storage.Kind);
    }
}
