using Microsoft.Extensions.Options;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// The receiver for the current options: rebuilt when the options instance changes (a configuration
/// reload rotating a secret), reused otherwise so secret bytes are not re-derived per request.
/// </summary>
internal sealed class ReceiverCache(IOptionsMonitor<PaymentsWebhooksOptions> options)
{
    private (PaymentsWebhooksOptions Options, PaymentsWebhookReceiver Receiver)? _current;

    public (PaymentsWebhooksOptions Options, PaymentsWebhookReceiver Receiver) Current
    {
        get
        {
            PaymentsWebhooksOptions value = options.CurrentValue;
            (PaymentsWebhooksOptions Options, PaymentsWebhookReceiver Receiver)? current = _current;
            if (current is { } cached && ReferenceEquals(cached.Options, value))
            {
                return cached;
            }

            var fresh = (value, new PaymentsWebhookReceiver(value.Secrets, value.MaxBodyBytes));
            _current = fresh;
            return fresh;
        }
    }
}
