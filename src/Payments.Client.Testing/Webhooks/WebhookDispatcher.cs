using System.Net.Http.Headers;
using System.Text;
using Payments.Client.Testing.Internal;

namespace Payments.Client.Testing.Webhooks;

/// <summary>
/// Posts each event to every subscription in the background: signed, retried with exponential backoff
/// on a non-2xx answer, a timeout or a connection error, every wait on the fake's clock.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<WebhookSubscription> _subscriptions = [];
    private readonly List<WebhookDelivery> _deliveries = [];
    private readonly WebhookDeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly List<HttpClient> _owned = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly ChangeSignal _changed = new();
    private int _duplicateNext;
    private int _inFlight;

    public WebhookDispatcher(WebhookDeliveryOptions options, TimeProvider time)
    {
        if (options.MaxRetries < 0 || options.InitialRetryDelay < TimeSpan.Zero || options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Webhooks needs MaxRetries >= 0, a non-negative InitialRetryDelay and a positive Timeout.", nameof(options));
        }

        _options = options;
        _time = time;

        // Our own timeout (on the fake's clock) governs each attempt, not HttpClient's real-time one.
        _http = options.Handler is { } handler
            ? new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }
            : new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public bool NotifyImmediateOutcomes => _options.NotifyImmediateOutcomes;

    public WebhookSubscription Register(Uri url, string secret, HttpMessageHandler? handler)
    {
        // The fake's clock governs each attempt's timeout, not HttpClient's real-time one.
        HttpClient? own = handler is null ? null : new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var subscription = new WebhookSubscription(url, secret, own);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
            if (own is not null)
            {
                _owned.Add(own);
            }
        }

        return subscription;
    }

    public bool Unregister(WebhookSubscription subscription)
    {
        lock (_gate)
        {
            return _subscriptions.Remove(subscription);
        }
    }

    public void DuplicateNextEvents(int count) => Interlocked.Add(ref _duplicateNext, count);

    public IReadOnlyList<WebhookDelivery> Snapshot()
    {
        lock (_gate)
        {
            return _deliveries.ToArray();
        }
    }

    public Task WaitUntilAsync(Func<IReadOnlyList<WebhookDelivery>, bool> condition, CancellationToken cancellationToken) =>
        _changed.WaitUntilAsync(() => condition(Snapshot()), cancellationToken);

    public Task WaitForIdleAsync(CancellationToken cancellationToken) =>
        _changed.WaitUntilAsync(() => Volatile.Read(ref _inFlight) == 0, cancellationToken);

    /// <summary>Sends the event for a charge that reached a terminal status.</summary>
    public void Publish(FakeCharge charge)
    {
        string type = charge.Status == ChargeStatus.Failed ? "charge.failed" : "charge.succeeded";
        string eventId = Ids.New("evt_");
        byte[] body = ChargeJsonWriter.WriteEvent(eventId, type, _time.GetUtcNow(), charge.ToWire(PaymentsWireFormat.V1));
        string text = Encoding.UTF8.GetString(body);

        List<(int Index, WebhookSubscription Subscription, string Signature)> started = [];
        lock (_gate)
        {
            if (_subscriptions.Count == 0 || _stopping.IsCancellationRequested)
            {
                return;
            }

            bool duplicate = TakeDuplicate();
            foreach (WebhookSubscription subscription in _subscriptions)
            {
                string signature = WebhookSigner.Sign(body, subscription.Secret);
                for (int copy = 0; copy < (duplicate ? 2 : 1); copy++)
                {
                    _deliveries.Add(new WebhookDelivery
                    {
                        EventId = eventId,
                        EventType = type,
                        ChargeId = charge.Id,
                        Url = subscription.Url,
                        Body = text,
                        Signature = signature,
                        IsDuplicate = copy == 1,
                        State = WebhookDeliveryState.InProgress,
                        Attempts = [],
                    });
                    started.Add((_deliveries.Count - 1, subscription, signature));
                    _inFlight++;
                }
            }
        }

        _changed.Notify();
        foreach ((int index, WebhookSubscription subscription, string signature) in started)
        {
            // Off the request thread: the API answers at once and delivers in the background, as a real one does.
            _ = Task.Run(() => DeliverAsync(index, subscription, signature, body));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await WaitForIdleAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A receiver that ignores cancellation must not hang the test run.
        }

        _http.Dispose();
        lock (_gate)
        {
            foreach (HttpClient own in _owned)
            {
                own.Dispose();
            }
        }

        _stopping.Dispose();
    }

    private bool TakeDuplicate()
    {
        while (true)
        {
            int left = Volatile.Read(ref _duplicateNext);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _duplicateNext, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    private async Task DeliverAsync(int index, WebhookSubscription subscription, string signature, byte[] body)
    {
        WebhookDeliveryState final = WebhookDeliveryState.Failed;
        try
        {
            for (int number = 1; number <= _options.MaxRetries + 1; number++)
            {
                WebhookDeliveryAttempt attempt = await AttemptAsync(number, subscription, signature, body).ConfigureAwait(false);
                if (attempt.Succeeded)
                {
                    final = WebhookDeliveryState.Delivered;
                    Update(index, d => d with { Attempts = [.. d.Attempts, attempt] });
                    return;
                }

                // The backoff is armed before the attempt shows, so a test that sees it can advance a fake clock safely.
                Task backoff = number <= _options.MaxRetries
                    ? Task.Delay(_options.InitialRetryDelay * Math.Pow(2, number - 1), _time, _stopping.Token)
                    : Task.CompletedTask;
                Update(index, d => d with { Attempts = [.. d.Attempts, attempt] });
                await backoff.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The fake is stopping: the delivery ends as failed.
        }
        finally
        {
            Update(index, d => d with { State = final });
            Interlocked.Decrement(ref _inFlight);
            _changed.Notify();
        }
    }

    private async Task<WebhookDeliveryAttempt> AttemptAsync(int number, WebhookSubscription subscription, string signature, byte[] body)
    {
        DateTimeOffset startedAt = _time.GetUtcNow();
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(WebhookSigner.HeaderName, signature);
            request.Headers.TryAddWithoutValidation("User-Agent", "Payments.Client.Testing webhooks");
            using HttpResponseMessage response = await (subscription.Http ?? _http).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return new WebhookDeliveryAttempt { Number = number, StartedAt = startedAt, StatusCode = (int)response.StatusCode };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            return new WebhookDeliveryAttempt { Number = number, StartedAt = startedAt, Error = $"timeout after {_options.Timeout.TotalSeconds:0.###} s" };
        }
        catch (HttpRequestException ex)
        {
            return new WebhookDeliveryAttempt { Number = number, StartedAt = startedAt, Error = ex.Message };
        }
    }

    private void Update(int index, Func<WebhookDelivery, WebhookDelivery> change)
    {
        lock (_gate)
        {
            _deliveries[index] = change(_deliveries[index]);
        }

        _changed.Notify();
    }
}
