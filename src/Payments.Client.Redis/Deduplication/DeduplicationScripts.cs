namespace Payments.Client.Redis;

/// <summary>
/// The store's Lua scripts. Each runs atomically on the server, so "is it still my claim?" and the write that
/// follows cannot be split by another instance. A key holds an owner token (a claim) or <see cref="Handled"/>.
/// </summary>
internal static class DeduplicationScripts
{
    public const string Handled = "handled";

    /// <summary>
    /// SET key token NX PX claim-lifetime: the claim. When the key exists, its value says why not.
    /// Returns 1 (claimed), or the existing value.
    /// </summary>
    public const string Claim = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
        return redis.call('GET', KEYS[1])
        """;

    /// <summary>
    /// Records the event as handled for the window (PX) if the claim is still the caller's, or lapsed with nobody
    /// taking it since (the handlers did run). Returns 1 recorded, 0 another delivery holds it now.
    /// </summary>
    public const string Complete = """
        local v = redis.call('GET', KEYS[1])
        if v == false or v == ARGV[1] then
          redis.call('SET', KEYS[1], 'handled', 'PX', ARGV[2])
          return 1
        end
        if v == 'handled' then return 1 end
        return 0
        """;

    /// <summary>Deletes the claim only if it is still the caller's. Returns 1 released, 0 not the caller's.</summary>
    public const string Abandon = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;
}
