using System.Security.Cryptography;
using OrleansNetOps.Grains.Auth;

namespace OrleansNetOps.Silo.Auth;

/// <summary>
/// Keeps this silo's copy of the API-added keys in step with the grain storage: re-read when older than
/// <see cref="MaxAge"/> (so a key deleted on another silo stops working there within that time), and at once, at most
/// every <see cref="MissInterval"/>, when an unknown key is presented (so a key added on another silo works at once).
/// </summary>
internal sealed class StoredKeys(ApiKeyRegistry registry, IGrainFactory grains, TimeProvider time, ILogger<StoredKeys> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MissInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _reading = new(1, 1);

    private IApiKeysGrain Grain => grains.GetGrain<IApiKeysGrain>("default");

    /// <summary>Re-reads the stored keys when stale (or, after a miss, when not read within <see cref="MissInterval"/>).</summary>
    public async Task RefreshIfStaleAsync(bool missed, CancellationToken cancellationToken)
    {
        var age = time.GetUtcNow() - (registry.StoredReadAt ?? DateTimeOffset.MinValue);
        if (age < (missed ? MissInterval : MaxAge))
        {
            return;
        }

        await _reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = time.GetUtcNow();
            if (registry.StoredReadAt is { } read && started - read < (missed ? MissInterval : MaxAge))
            {
                return;
            }

            registry.UseStored(await Grain.ListAsync().ConfigureAwait(false), started);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The grain runtime may not be up yet, or storage may be away: keep the last copy; the fixed keys still work.
            logger.LogWarning(exception, "Could not read the stored API keys; using the last copy");
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>Adds a key with a fresh random secret; the secret is returned, never stored. Null when the name is taken.</summary>
    public async Task<string?> AddAsync(string name, Role role, string createdBy)
    {
        var secret = "nok_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var stored = new StoredApiKey(name, SiloClaims.RoleName(role), ApiKeyRegistry.HashHex(secret), time.GetUtcNow(), createdBy);
        if (!await Grain.AddAsync(stored).ConfigureAwait(false))
        {
            return null;
        }

        registry.UseStored(await Grain.ListAsync().ConfigureAwait(false), time.GetUtcNow());
        return secret;
    }

    /// <summary>Removes a stored key; false when there is none of that name.</summary>
    public async Task<bool> RemoveAsync(string name)
    {
        var removed = await Grain.RemoveAsync(name).ConfigureAwait(false);
        registry.UseStored(await Grain.ListAsync().ConfigureAwait(false), time.GetUtcNow());
        return removed;
    }
}
