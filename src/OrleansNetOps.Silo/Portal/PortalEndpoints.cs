using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace OrleansNetOps.Silo.Portal;

/// <summary>
/// Serves the NOC portal: a static page and its scripts, embedded in the silo so a published binary needs no files.
/// The page holds no data; everything it shows comes from <c>/api/v1</c> with the key the user signs in with, so the
/// API's roles are the portal's roles.
/// </summary>
public static class PortalEndpoints
{
    private const string ResourcePrefix = "OrleansNetOps.Silo.Portal.";

    // Scripts only from this origin; the page's own inline styles are its only inline content.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, string> s_contentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".png"] = "image/png",
    }.ToFrozenDictionary();

    private static readonly Lazy<FrozenDictionary<string, PortalAsset>> s_assets = new(Load);

    /// <summary>The names of the portal's files (<c>index.html</c>, <c>portal.js</c>…).</summary>
    public static IEnumerable<string> AssetNames => s_assets.Value.Keys;

    /// <summary>Maps <c>/</c> (the portal) and <c>/portal/{file}</c> (its assets), open to all: they carry no data.</summary>
    /// <param name="endpoints">The application.</param>
    public static void MapPortal(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context) => Serve(context, "index.html")).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/portal/{file}", (HttpContext context, string file) => Serve(context, file)).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext context, string file)
    {
        if (!s_assets.Value.TryGetValue(file, out var asset))
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        // Revalidated on every load (cheap: 304 by ETag), so a new silo version is never hidden behind a cache.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, PortalAsset> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var assets = new Dictionary<string, PortalAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var file = name[ResourcePrefix.Length..];
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"").ToString();
            assets[file] = new PortalAsset(content, s_contentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream"), etag);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
