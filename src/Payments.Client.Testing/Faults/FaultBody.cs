namespace Payments.Client.Testing;

/// <summary>The body of an injected error response.</summary>
public enum FaultBody
{
    /// <summary>The documented error body (<c>processing_error</c> for 5xx).</summary>
    Json = 0,

    /// <summary>An HTML page, as a proxy or load balancer in front of the API would send.</summary>
    Html = 1,

    /// <summary>No body at all.</summary>
    Empty = 2,
}
