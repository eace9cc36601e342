using OrleansNetOps.Configuration;
using System.Security.Cryptography;
using System.Text;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Auth;

/// <summary>
/// The API keys the silo accepts, held as SHA-256 hashes and matched in constant time: those of <c>silo.yaml</c> and
/// the bootstrap variable (fixed for the process), and those added through the API (stored in the grain storage, see
/// <see cref="StoredKeys"/>; this silo's copy is replaced whenever it is re-read).
/// </summary>
internal sealed class ApiKeyRegistry
{
    public const string BootstrapVariable = "NETOPS_BOOTSTRAP_ADMIN_KEY";
    public const string BootstrapKeyName = "bootstrap-admin";

    /// <summary>The source of keys added through the API.</summary>
    public const string ApiSource = "api";

    private readonly IReadOnlyList<ApiKeyIdentity> _fixed;
    private volatile IReadOnlyList<ApiKeyIdentity> _stored = [];

    private ApiKeyRegistry(AuthMode mode, IReadOnlyList<ApiKeyIdentity> keys)
    {
        Mode = mode;
        _fixed = keys;
    }

    public AuthMode Mode { get; }

    /// <summary>Every key: the fixed ones first, then those added through the API.</summary>
    public IReadOnlyList<ApiKeyIdentity> Keys => [.. _fixed, .. _stored];

    /// <summary>The keys of <c>silo.yaml</c> and the bootstrap variable, which the API cannot change.</summary>
    public IReadOnlyList<ApiKeyIdentity> FixedKeys => _fixed;

    /// <summary>When the API-added keys were last read from storage (null: never).</summary>
    public DateTimeOffset? StoredReadAt { get; private set; }

    /// <summary>Replaces this silo's copy of the API-added keys.</summary>
    public void UseStored(IEnumerable<Grains.Auth.StoredApiKey> keys, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _stored = [.. keys.Select(k => new ApiKeyIdentity(k.Name, Enum.Parse<Role>(k.Role, ignoreCase: true), ApiSource, Convert.FromHexString(k.Sha256)))];
        StoredReadAt = readAt;
    }

    /// <summary>The SHA-256 of a key's UTF-8 bytes, as 64 lower-case hex digits.</summary>
    public static string HashHex(string key) => Convert.ToHexStringLower(Hash(key));

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
        foreach (var key in Keys)
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
