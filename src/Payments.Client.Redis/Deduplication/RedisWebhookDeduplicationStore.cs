using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Payments.Client.Webhooks;
using StackExchange.Redis;

namespace Payments.Client.Redis;

/// <summary>
/// Webhook deduplication shared by every instance on one Redis. A claim is <c>SET key token NX PX claim-lifetime</c>
/// (atomic: of concurrent deliveries on any instance, one wins); completing and abandoning compare the owner's
/// token in a script; a handled id stays for the deduplication window as the key's TTL; a crashed handler's claim
/// lapses after <see cref="RedisWebhookDeduplicationOptions.ClaimLifetime"/>.
/// </summary>
/// <remarks>
/// While Redis cannot answer, <see cref="TryClaimAsync"/> throws, so handlers never run unguarded (the endpoint
/// answers 503 and the sender delivers again). A completion that fails after the handlers ran is retried until
/// it lands or the claim would have lapsed, so the redelivery that follows finds the event handled. Give Redis
/// persistence (AOF) if handled ids must survive a Redis restart.
/// </remarks>
public sealed class RedisWebhookDeduplicationStore : IWebhookDeduplicationStore
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(2);
    private readonly RedisConnection _redis;
    private readonly string _prefix;
    private readonly TimeSpan _claimLifetime;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the store on a connection you own.</summary>
    /// <param name="redis">The connection; the store does not dispose it.</param>
    /// <param name="options">Key prefix, claim lifetime, command timeout; defaults when <see langword="null"/>.</param>
    /// <param name="time">The clock for retry pacing; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where completion retries and failed releases are logged.</param>
    public RedisWebhookDeduplicationStore(IConnectionMultiplexer redis, RedisWebhookDeduplicationOptions? options = null, TimeProvider? time = null, ILogger<RedisWebhookDeduplicationStore>? logger = null)
        : this(new RedisConnection(redis ?? throw new ArgumentNullException(nameof(redis))), options, time, logger)
    {
    }

    /// <summary>On a connection this package opened, possibly still connecting.</summary>
    internal RedisWebhookDeduplicationStore(RedisConnection redis, RedisWebhookDeduplicationOptions? options, TimeProvider? time, ILogger<RedisWebhookDeduplicationStore>? logger)
    {
        options ??= new RedisWebhookDeduplicationOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ClaimLifetime, TimeSpan.FromMilliseconds(1), nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CommandTimeout, TimeSpan.FromMilliseconds(1), nameof(options));
        _redis = redis;
        _prefix = options.KeyPrefix ?? string.Empty;
        _claimLifetime = options.ClaimLifetime;
        _timeout = options.CommandTimeout;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public async ValueTask<DeduplicationClaim> TryClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        string token = NewToken();
        RedisResult result = await EvaluateAsync(DeduplicationScripts.Claim, eventId, token, _claimLifetime, cancellationToken).ConfigureAwait(false);
        if (result.Resp2Type == ResultType.Integer)
        {
            return DeduplicationClaim.Claimed(eventId, token);
        }

        // The key can expire between SET NX and GET only outside a script; inside one, a failed SET means a value.
        return (string?)result == DeduplicationScripts.Handled ? DeduplicationClaim.AlreadyHandled(eventId) : DeduplicationClaim.InProgress(eventId);
    }

    /// <inheritdoc/>
    public async ValueTask CompleteAsync(DeduplicationClaim claim, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        string token = claim.RequireOwnerToken();
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromMilliseconds(1));

        // The handlers ran: losing this record would let a redelivery run them again, so keep trying while the
        // claim still protects the event (past its lifetime another delivery may take it anyway).
        long giveUpAt = _time.GetTimestamp() + (long)(_claimLifetime.TotalSeconds * _time.TimestampFrequency);
        TimeSpan pause = FirstRetry;
        while (true)
        {
            try
            {
                RedisResult result = await EvaluateAsync(DeduplicationScripts.Complete, claim.EventId, token, window, cancellationToken).ConfigureAwait(false);
                if ((long)result == 0)
                {
                    Log.ClaimLost(_logger, claim.EventId);
                }

                return;
            }
            catch (Exception ex) when (IsUnavailable(ex, cancellationToken) && _time.GetTimestamp() < giveUpAt)
            {
                Log.CompletionRetrying(_logger, claim.EventId, ex);
            }

            await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
            pause = pause * 2 < LongestRetry ? pause * 2 : LongestRetry;
        }
    }

    /// <inheritdoc/>
    public async ValueTask AbandonAsync(DeduplicationClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        string token = claim.RequireOwnerToken();
        try
        {
            await EvaluateAsync(DeduplicationScripts.Abandon, claim.EventId, token, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            // Not worth holding the failed delivery's response: the claim lapses by itself.
            Log.AbandonFailed(_logger, claim.EventId, _claimLifetime.TotalSeconds, ex);
        }
    }

    private static bool IsUnavailable(Exception ex, CancellationToken cancellationToken) =>
        (ex is RedisException or TimeoutException or RedisUnavailableException) && !cancellationToken.IsCancellationRequested;

    private static string NewToken()
    {
        // Unique across instances and restarts: a token from another process can never match.
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexString(bytes);
    }

    private Task<RedisResult> EvaluateAsync(string script, string eventId, string token, TimeSpan? ttl, CancellationToken cancellationToken)
    {
        RedisValue[] args = ttl is { } t
            ? [token, ((long)Math.Ceiling(t.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture)]
            : [token];
        RedisKey[] keys = [new RedisKey(_prefix + eventId)];
        return _redis.RunAsync(db => db.ScriptEvaluateAsync(script, keys, args), _timeout, _time, cancellationToken);
    }
}
