using System.Diagnostics;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// What one delivery records: its span's tags and the metrics of how it ended (rejected, duplicate, handled
/// or failed). Every way out of the endpoint calls exactly one of the ending methods.
/// </summary>
internal readonly struct DeliveryTelemetry : IDisposable
{
    private readonly WebhookTelemetry _telemetry;
    private readonly Activity? _activity;

    public DeliveryTelemetry(WebhookTelemetry telemetry, Activity? activity)
    {
        _telemetry = telemetry;
        _activity = activity;
    }

    /// <summary>Refused before handlers ran; <paramref name="reason"/> is a low-cardinality code (see <see cref="ReasonFor"/>).</summary>
    public void Rejected(string reason, int? statusCode)
    {
        _telemetry.Rejected.Add(1, new KeyValuePair<string, object?>(WebhookTelemetry.ReasonTag, reason));
        _activity?.SetTag(WebhookTelemetry.OutcomeTag, "rejected");
        _activity?.SetTag(WebhookTelemetry.ReasonTag, reason);
        _activity?.SetTag("error.type", reason);
        if (statusCode is { } status)
        {
            _activity?.SetTag("http.response.status_code", status);
        }

        _activity?.SetStatus(ActivityStatusCode.Error, reason);
    }

    public void Verified(PaymentsEvent paymentsEvent)
    {
        _telemetry.Verified.Add(1, new KeyValuePair<string, object?>(WebhookTelemetry.EventTypeTag, paymentsEvent.Type));
        _activity?.SetTag(WebhookTelemetry.EventTypeTag, paymentsEvent.Type);
        _activity?.SetTag("payments.webhooks.event_id", paymentsEvent.Id);
    }

    /// <summary>Answered without running handlers: <paramref name="outcome"/> is <c>already_handled</c> (200) or <c>in_progress</c> (503).</summary>
    public void Duplicate(PaymentsEvent paymentsEvent, string outcome, int statusCode)
    {
        _telemetry.Duplicates.Add(
            1,
            new KeyValuePair<string, object?>(WebhookTelemetry.EventTypeTag, paymentsEvent.Type),
            new KeyValuePair<string, object?>(WebhookTelemetry.OutcomeTag, outcome));
        _activity?.SetTag("payments.webhooks.duplicate", true);
        _activity?.SetTag(WebhookTelemetry.OutcomeTag, outcome);
        _activity?.SetTag("http.response.status_code", statusCode);
    }

    /// <summary>Stored in the inbox and answered 200; the handlers run later, each attempt with its own span linked to this one.</summary>
    public void Stored()
    {
        _activity?.SetTag(WebhookTelemetry.OutcomeTag, "stored");
        _activity?.SetTag("http.response.status_code", 200);
    }

    /// <summary>Older than the deduplication window: answered 200 without running handlers (a possible replay), counted.</summary>
    public void TooOld(PaymentsEvent paymentsEvent)
    {
        _telemetry.TooOld.Add(1, new KeyValuePair<string, object?>(WebhookTelemetry.EventTypeTag, paymentsEvent.Type));
        _activity?.SetTag(WebhookTelemetry.OutcomeTag, "too_old");
        _activity?.SetTag("http.response.status_code", 200);
    }

    public long HandlersStarting() => _telemetry.Time.GetTimestamp();

    /// <summary>The handlers ran: <c>handled</c> (200) or <c>handler_failed</c> (500, the sender retries).</summary>
    public void HandlersFinished(PaymentsEvent paymentsEvent, long started, Exception? failure)
    {
        string outcome = failure is null ? "handled" : "handler_failed";
        _telemetry.HandlerDuration.Record(
            _telemetry.Time.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>(WebhookTelemetry.EventTypeTag, paymentsEvent.Type),
            new KeyValuePair<string, object?>(WebhookTelemetry.OutcomeTag, outcome));
        _activity?.SetTag("payments.webhooks.duplicate", false);
        _activity?.SetTag(WebhookTelemetry.OutcomeTag, outcome);
        _activity?.SetTag("http.response.status_code", failure is null ? 200 : 500);
        if (failure is not null)
        {
            _activity?.SetTag("error.type", failure.GetType().FullName);
            _activity?.SetStatus(ActivityStatusCode.Error, outcome);
        }
    }

    /// <summary>The metric's reason for a verification failure: the <see cref="WebhookFailureReason"/> in snake case, a too-large body named like the endpoint's own check.</summary>
    public static string ReasonFor(WebhookFailureReason reason) => reason switch
    {
        WebhookFailureReason.MissingSignature => "missing_signature",
        WebhookFailureReason.MalformedSignature => "malformed_signature",
        WebhookFailureReason.SignatureMismatch => "signature_mismatch",
        WebhookFailureReason.BodyTooLarge => "too_large",
        WebhookFailureReason.MalformedPayload => "malformed_payload",
        _ => "unknown",
    };

    public void Dispose() => _activity?.Dispose();
}
