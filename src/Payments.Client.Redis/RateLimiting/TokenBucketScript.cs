namespace Payments.Client.Redis;

/// <summary>
/// The shared token bucket, the same arithmetic as the client's in-process one, run atomically on Redis with the
/// server's clock (TIME), so instances with skewed clocks still share one budget. ARGV: rate per second, burst,
/// and -1 to reserve a token or +1 to give one back. Tokens may go negative: a reservation of a future token,
/// whose wait (microseconds) is returned. The key expires once the bucket would be full again, so an idle key
/// costs nothing and a missing key means a full bucket. Numbers are formatted explicitly: Lua's default
/// conversion keeps 14 digits, too few for a microsecond clock.
/// </summary>
internal static class TokenBucketScript
{
    public const string Source = """
        local rate = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local delta = tonumber(ARGV[3])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local s = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(s[1])
        local at = tonumber(s[2])
        if tokens == nil or at == nil then
          tokens = burst
          at = now
        end
        if now > at then
          tokens = math.min(burst, tokens + (now - at) * rate / 1000000)
          at = now
        end
        tokens = math.min(burst, tokens + delta)
        redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%.0f', at))
        redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / rate) + 1000)
        if tokens >= 0 then return 0 end
        return math.ceil(-tokens * 1000000 / rate)
        """;
}
