using OrleansNetOps.Configuration;
using System.Security.Cryptography;
using System.Text;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Auth;

/// <summary>The API keys the silo accepts, held as SHA-256 hashes and matched in constant time.</summary>
internal sealed class ApiKeyRegistry
{
    public const string BootstrapVariable = "NETOPS_BOOTSTRAP_ADMIN_KEY";
    public const string BootstrapKeyName = "bootstrap-admin";

    private readonly IReadOnlyList<ApiKeyIdentity> _keys;

    private ApiKeyRegistry(AuthMode mode, IReadOnlyList<ApiKeyIdentity> keys)
    {
        Mode = mode;
        _keys = keys;
    }

    public AuthMode Mode { get; }

    public IReadOnlyList<ApiKeyIdentity> Keys => _keys;

    /// <exception cref="ConfigException">The bootstrap key is too short.</exception>
    public static ApiKeyRegistry Create(AuthConfig config, string? bootstrapAdminKey)
    {
        ArgumentNullException.ThrowIfNull(config);
        var keys = config.Keys
            .Select(k => new ApiKeyIdentity(
                k.Name,
                k.Roles.Max(),
                "config",
                k.Key is not null ? Hash(k.Key) : Convert.FromHexString(k.KeySha256!)))
            .ToList();
        if (!string.IsNullOrEmpty(bootstrapAdminKey))
        {
            if (bootstrapAdminKey.Length < SiloConfigBinder.MinimumKeyLength)
            {
                throw new ConfigException(new ConfigError(BootstrapVariable, string.Empty,
                    $"the bootstrap admin key is too short: at least {SiloConfigBinder.MinimumKeyLength} characters"));
            }

            keys.Add(new ApiKeyIdentity(BootstrapKeyName, Role.Admin, "bootstrap", Hash(bootstrapAdminKey)));
        }

        return new ApiKeyRegistry(config.Mode, keys);
    }

    /// <summary>The holder of <paramref name="presentedKey"/>, or null.</summary>
    public ApiKeyIdentity? Find(string presentedKey)
    {
        var presented = Hash(presentedKey);
        ApiKeyIdentity? match = null;

        // Every entry is compared, with a fixed-time comparison, so timing tells nothing about which key nearly matched.
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, key.Sha256.Span))
            {
                match ??= key;
            }
        }

        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
