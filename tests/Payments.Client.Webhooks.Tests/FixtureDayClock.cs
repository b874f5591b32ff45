namespace Payments.Client.Webhooks.Tests;

/// <summary>
/// The real clock moved back to the day the fixtures' events were created (2026-06-09, 14:30 UTC), ticking as usual: the
/// endpoint answers an event older than its deduplication window without running handlers, and the fixtures' signed
/// bodies (checked against openssl in vectors.txt) keep their dates.
/// </summary>
internal sealed class FixtureDayClock : TimeProvider
{
    public static readonly FixtureDayClock Instance = new();

    private readonly TimeSpan _shift = new DateTimeOffset(2026, 6, 9, 14, 30, 0, TimeSpan.Zero) - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
