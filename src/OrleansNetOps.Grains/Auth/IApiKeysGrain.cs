namespace OrleansNetOps.Grains.Auth;

/// <summary>The API keys added through <c>POST /api/v1/admin/keys</c> (key <c>default</c>), persisted in the grain storage.</summary>
public interface IApiKeysGrain : IGrainWithStringKey
{
    /// <summary>Every stored key, by name.</summary>
    Task<IReadOnlyList<StoredApiKey>> ListAsync();

    /// <summary>Adds a key; false when the name is taken (nothing changes).</summary>
    Task<bool> AddAsync(StoredApiKey key);

    /// <summary>Removes the key named <paramref name="name"/>; false when there is none.</summary>
    Task<bool> RemoveAsync(string name);
}
