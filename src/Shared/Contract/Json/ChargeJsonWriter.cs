using System.Buffers;
using System.Text.Json;

namespace Payments.Client.Contract;

/// <summary>
/// The one writer of a charge: the fake's answers and events, the tool's events. Each format writes its
/// document's fields in its document's order, <c>null</c> where the charge has none: v1 bare and snake_case
/// (004); enveloped inside <c>{ "success": true, "data": ... }</c> and camelCase, with the page's tax and
/// link fields (000). <see cref="ChargeJsonReader"/> reads all of it back.
/// </summary>
internal static class ChargeJsonWriter
{
    /// <summary>A whole success body: the bare charge (v1) or its envelope.</summary>
    public static byte[] WriteResponse(Charge charge, PaymentsWireFormat format) => Write(writer =>
    {
        if (format == PaymentsWireFormat.Enveloped)
        {
            writer.WriteStartObject();
            writer.WriteBoolean(WireNames.Success.EncodedIn(format), true);
            writer.WritePropertyName(WireNames.Data.EncodedIn(format));
            WriteCharge(writer, charge, format);
            writer.WriteEndObject();
        }
        else
        {
            WriteCharge(writer, charge, format);
        }
    });

    /// <summary>A webhook event: <c>{ id, type, created_at, data: { the v1 charge } }</c> (004, "Webhooks").</summary>
    public static byte[] WriteEvent(string eventId, string type, DateTimeOffset createdAt, Charge charge) => Write(writer =>
    {
        const PaymentsWireFormat v1 = PaymentsWireFormat.V1;
        writer.WriteStartObject();
        writer.WriteString(WireNames.Id.EncodedIn(v1), eventId);
        writer.WriteString(WireNames.Type.EncodedIn(v1), type);
        writer.WriteString(WireNames.CreatedAt.EncodedIn(v1), WireTime.Format(createdAt));
        writer.WritePropertyName(WireNames.Data.EncodedIn(v1));
        WriteCharge(writer, charge, v1);
        writer.WriteEndObject();
    });

    /// <summary>The charge object alone, in <paramref name="format"/>'s names and fields.</summary>
    public static void WriteCharge(Utf8JsonWriter writer, Charge charge, PaymentsWireFormat format)
    {
        writer.WriteStartObject();
        Text(writer, WireNames.Id, charge.Id, format);
        Text(writer, WireNames.Object, charge.Object, format);
        if (format == PaymentsWireFormat.V1)
        {
            Text(writer, WireNames.Status, charge.Status.ToString(), format);
            Number(writer, WireNames.Amount, charge.Amount, format);
            Text(writer, WireNames.Currency, charge.Currency, format);
            Text(writer, WireNames.CustomerId, charge.CustomerId, format);
            Text(writer, WireNames.PaymentMethodId, charge.PaymentMethodId, format);
            Text(writer, WireNames.Description, charge.Description, format);
            Time(writer, WireNames.CreatedAt, charge.CreatedAt, format);
            Time(writer, WireNames.UpdatedAt, charge.UpdatedAt, format);
            Text(writer, WireNames.FailureReason, charge.FailureReason?.ToString(), format);
            Metadata(writer, charge.Metadata, format);
        }
        else
        {
            Text(writer, WireNames.CustomerId, charge.CustomerId, format);
            Text(writer, WireNames.PaymentMethodId, charge.PaymentMethodId, format);
            Text(writer, WireNames.Kind, charge.Kind, format);
            Text(writer, WireNames.Status, charge.Status.ToString(), format);
            Text(writer, WireNames.Provider, charge.Provider, format);
            Number(writer, WireNames.Amount, charge.Amount, format);
            Number(writer, WireNames.AmountSubtotal, charge.AmountSubtotal, format);
            Number(writer, WireNames.TaxAmount, charge.TaxAmount, format);
            Number(writer, WireNames.AmountTotal, charge.AmountTotal, format);
            Text(writer, WireNames.Currency, charge.Currency, format);
            Text(writer, WireNames.Description, charge.Description, format);
            Text(writer, WireNames.FailureReason, charge.FailureReason?.ToString(), format);
            Metadata(writer, charge.Metadata, format);
            Text(writer, WireNames.Url, charge.Url, format);
            Time(writer, WireNames.ExpiresAt, charge.ExpiresAt, format);
            Time(writer, WireNames.CreatedAt, charge.CreatedAt, format);
            Time(writer, WireNames.UpdatedAt, charge.UpdatedAt, format);
        }

        if (charge.Livemode is { } live)
        {
            writer.WriteBoolean(WireNames.Livemode.EncodedIn(format), live);
        }
        else
        {
            writer.WriteNull(WireNames.Livemode.EncodedIn(format));
        }

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

    private static void Text(Utf8JsonWriter writer, WireName name, string? value, PaymentsWireFormat format)
    {
        if (value is null)
        {
            writer.WriteNull(name.EncodedIn(format));
        }
        else
        {
            writer.WriteString(name.EncodedIn(format), value);
        }
    }

    private static void Number(Utf8JsonWriter writer, WireName name, long? value, PaymentsWireFormat format)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name.EncodedIn(format), number);
        }
        else
        {
            writer.WriteNull(name.EncodedIn(format));
        }
    }

    private static void Time(Utf8JsonWriter writer, WireName name, DateTimeOffset? value, PaymentsWireFormat format) =>
        Text(writer, name, value is { } time ? WireTime.Format(time) : null, format);

    private static void Metadata(Utf8JsonWriter writer, IReadOnlyDictionary<string, string?> metadata, PaymentsWireFormat format)
    {
        writer.WriteStartObject(WireNames.Metadata.EncodedIn(format));
        foreach (KeyValuePair<string, string?> pair in metadata)
        {
            if (pair.Value is null)
            {
                writer.WriteNull(pair.Key);
            }
            else
            {
                writer.WriteString(pair.Key, pair.Value);
            }
        }

        writer.WriteEndObject();
    }
}
