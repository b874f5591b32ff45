namespace Payments.Client.Redis;

/// <summary>Redis is not connected: thrown without a round trip, so a delivery is answered 503 at once.</summary>
internal sealed class RedisUnavailableException() : Exception("Redis is not connected.");
