using Payments.Client.Testing;
using Payments.Cli.Output;

namespace Payments.Cli.Fake;

/// <summary>
/// Prints each request the fake served, once it is answered: method, path, status, idempotency key, replayed or not.
/// Waits on the fake's own change signal, so nothing polls.
/// </summary>
internal static class RequestPrinter
{
    public static async Task RunAsync(FakePaymentsApi api, CliConsole console, bool json, string expectedWireFormat, CancellationToken cancellationToken)
    {
        var printed = new HashSet<int>();
        while (true)
        {
            // The condition runs on whichever thread changed the log, so it reads a copy this loop never mutates.
            var seen = new HashSet<int>(printed);
            await api.WaitForRequestsAsync(requests => requests.Any(r => r.StatusCode is not null && !seen.Contains(r.Sequence)), cancellationToken).ConfigureAwait(false);
            foreach (RecordedRequest request in api.Requests.Where(r => r.StatusCode is not null && !printed.Contains(r.Sequence)))
            {
                printed.Add(request.Sequence);
                console.WriteLine(json ? Json(request) : Text(request, expectedWireFormat));
            }
        }
    }

    private static string Text(RecordedRequest request, string expectedWireFormat)
    {
        string status = request.StatusCode == 0 ? "dropped" : request.StatusCode!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string line = $"{request.Method} {request.Path} -> {status}  key={request.IdempotencyKey ?? "-"}";
        if (request.Replayed)
        {
            line += "  replayed";
        }

        if (request.Fault is not null)
        {
            line += $"  fault={request.Fault}";
        }

        string? format = WireFormatOf(request.Body);
        if (format is not null && format != expectedWireFormat)
        {
            line += $"  wire-format={format} (expected {expectedWireFormat})";
        }

        return line;
    }

    private static string Json(RecordedRequest request) => JsonText.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("event", "request");
        writer.WriteString("method", request.Method);
        writer.WriteString("path", request.Path);
        writer.WriteNumber("status", request.StatusCode!.Value);
        JsonText.WriteNullable(writer, "idempotency_key", request.IdempotencyKey);
        writer.WriteBoolean("replayed", request.Replayed);
        JsonText.WriteNullable(writer, "fault", request.Fault);
        JsonText.WriteNullable(writer, "wire_format", WireFormatOf(request.Body));
        writer.WriteEndObject();
    });

    /// <summary>The fake's own rule (docs/articles/testing.md): camelCase names mean enveloped, snake_case names mean v1.</summary>
    private static string? WireFormatOf(string body)
    {
        if (Names(body, WireNames.CustomerId.Enveloped) || Names(body, WireNames.PaymentMethodId.Enveloped))
        {
            return "enveloped";
        }

        return Names(body, WireNames.CustomerId.V1) ? "v1" : null;
    }

    private static bool Names(string body, string name) => body.Contains($"\"{name}\"", StringComparison.Ordinal);
}
