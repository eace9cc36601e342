namespace OrleansNetOps.Drivers.Runbooks;

/// <summary>How a field value is written into the place its template sits.</summary>
internal enum TemplateEncoding
{
    /// <summary>As it is: one argv entry or environment value (no shell reads it).</summary>
    Raw,

    /// <summary>Percent-encoded as a URL component (a <c>/</c> or <c>?</c> in a field stays data).</summary>
    UrlComponent,

    /// <summary>Escaped for the inside of a JSON string.</summary>
    Json,

    /// <summary>An HTTP header value: a line break is refused.</summary>
    HeaderValue,
}
