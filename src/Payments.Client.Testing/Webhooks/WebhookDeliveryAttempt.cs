namespace Payments.Client.Testing;

/// <summary>One HTTP attempt of a webhook delivery.</summary>
public sealed record WebhookDeliveryAttempt
{
    /// <summary>1 for the first attempt.</summary>
    public required int Number { get; init; }

    /// <summary>When it started, on the fake's clock.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The receiver's status; null when no response arrived (see <see cref="Error"/>).</summary>
    public int? StatusCode { get; init; }

    /// <summary>Why no response arrived (<c>timeout</c>, a connection error); null when one did.</summary>
    public string? Error { get; init; }

    /// <summary>True for a 2xx answer.</summary>
    public bool Succeeded => StatusCode is >= 200 and <= 299;
}
