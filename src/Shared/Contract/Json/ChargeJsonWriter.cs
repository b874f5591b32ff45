using System.Buffers;
using System.Text.Json;

namespace Payments.Client.Contract;

/// <summary>
/// The one writer of a charge: the fake's answers and events, the tool's events and output. Each format writes
/// its document's fields in its document's order, <c>null</c> where the charge has none: v1 bare and snake_case
/// (004); enveloped inside <c>{ "success": true, "data": ... }</c> and camelCase, with the page's tax and
/// link fields (000). <see cref="ChargeJsonReader"/> reads all of it back.
/// </summary>
internal static class ChargeJsonWriter
{
    /// <summary>A whole success body: the bare charge (v1) or its envelope.</summary>
    public static byte[] WriteResponse(Charge charge, PaymentsWireFormat format) => Write(writer =>
    {
        if (format == PaymentsWireFormat.V1)
        {
            WriteCharge(writer, charge, format);
            return;
        }

        writer.WriteStartObject();
        writer.WriteBoolean(WireNames.Success.EncodedIn(format), true);
        writer.WritePropertyName(WireNames.Data.EncodedIn(format));
        WriteCharge(writer, charge, format);
        writer.WriteEndObject();
    });

    /// <summary>A webhook event: <c>{ id, type, created_at, data: { the v1 charge } }</c> (004, "Webhooks").</summary>
    public static byte[] WriteEvent(string eventId, string type, DateTimeOffset createdAt, Charge charge) => Write(writer =>
    {
        var fields = new Fields(writer, PaymentsWireFormat.V1);
        writer.WriteStartObject();
        fields.Text(WireNames.Id, eventId);
        fields.Text(WireNames.Type, type);
        fields.Time(WireNames.CreatedAt, createdAt);
        writer.WritePropertyName(WireNames.Data.EncodedIn(PaymentsWireFormat.V1));
        WriteCharge(writer, charge, PaymentsWireFormat.V1);
        writer.WriteEndObject();
    });

    /// <summary>The charge object alone, in <paramref name="format"/>'s names and fields.</summary>
    public static void WriteCharge(Utf8JsonWriter writer, Charge charge, PaymentsWireFormat format)
    {
        var fields = new Fields(writer, format);
        writer.WriteStartObject();
        fields.Text(WireNames.Id, charge.Id);
        fields.Text(WireNames.Object, charge.Object);
        if (format == PaymentsWireFormat.V1)
        {
            fields.Text(WireNames.Status, charge.Status.ToString());
            fields.Number(WireNames.Amount, charge.Amount);
            fields.Text(WireNames.Currency, charge.Currency);
            fields.Text(WireNames.CustomerId, charge.CustomerId);
            fields.Text(WireNames.PaymentMethodId, charge.PaymentMethodId);
            fields.Text(WireNames.Description, charge.Description);
            fields.Time(WireNames.CreatedAt, charge.CreatedAt);
            fields.Time(WireNames.UpdatedAt, charge.UpdatedAt);
            fields.Text(WireNames.FailureReason, charge.FailureReason?.ToString());
            fields.Metadata(charge.Metadata);
        }
        else
        {
            fields.Text(WireNames.CustomerId, charge.CustomerId);
            fields.Text(WireNames.PaymentMethodId, charge.PaymentMethodId);
            fields.Text(WireNames.Kind, charge.Kind);
            fields.Text(WireNames.Status, charge.Status.ToString());
            fields.Text(WireNames.Provider, charge.Provider);
            fields.Number(WireNames.Amount, charge.Amount);
            fields.Number(WireNames.AmountSubtotal, charge.AmountSubtotal);
            fields.Number(WireNames.TaxAmount, charge.TaxAmount);
            fields.Number(WireNames.AmountTotal, charge.AmountTotal);
            fields.Text(WireNames.Currency, charge.Currency);
            fields.Text(WireNames.Description, charge.Description);
            fields.Text(WireNames.FailureReason, charge.FailureReason?.ToString());
            fields.Metadata(charge.Metadata);
            fields.Text(WireNames.Url, charge.Url);
            fields.Time(WireNames.ExpiresAt, charge.ExpiresAt);
            fields.Time(WireNames.CreatedAt, charge.CreatedAt);
            fields.Time(WireNames.UpdatedAt, charge.UpdatedAt);
        }

        fields.Boolean(WireNames.Livemode, charge.Livemode);
        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Each field under its name in one format; a missing value is written as <c>null</c>, never left out.</summary>
    private readonly struct Fields(Utf8JsonWriter writer, PaymentsWireFormat format)
    {
        public void Text(WireName name, string? value)
        {
            if (value is null) writer.WriteNull(name.EncodedIn(format));
            else writer.WriteString(name.EncodedIn(format), value);
        }

        public void Number(WireName name, long? value)
        {
            if (value is { } number) writer.WriteNumber(name.EncodedIn(format), number);
            else writer.WriteNull(name.EncodedIn(format));
        }

        public void Boolean(WireName name, bool? value)
        {
            if (value is { } flag) writer.WriteBoolean(name.EncodedIn(format), flag);
            else writer.WriteNull(name.EncodedIn(format));
        }

        public void Time(WireName name, DateTimeOffset? value) => Text(name, value is { } time ? WireTime.Format(time) : null);

        public void Metadata(IReadOnlyDictionary<string, string?> metadata)
        {
            writer.WriteStartObject(WireNames.Metadata.EncodedIn(format));
            foreach (KeyValuePair<string, string?> pair in metadata)
            {
                if (pair.Value is null) writer.WriteNull(pair.Key);
                else writer.WriteString(pair.Key, pair.Value);
            }

            writer.WriteEndObject();
        }
    }
}
