namespace OrleansNetOps.Silo.Portal;

/// <summary>One embedded file of the portal.</summary>
/// <param name="Content">Its bytes.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="ETag">A strong validator from its SHA-256.</param>
internal sealed record PortalAsset(byte[] Content, string ContentType, string ETag);
