using System.Text.Json;

namespace Payments.Client.Contract;

/// <summary>
/// One field of the contract under its two spellings: the v1 document's snake_case and the enveloped page's
/// camelCase. Writers take the spelling of their format; readers match <see cref="Folded"/>, which both
/// spellings (and any casing) fold to, so one reader serves both formats without allocating the name.
/// </summary>
internal sealed class WireName
{
    public WireName(string v1, string enveloped)
    {
        V1 = v1;
        Enveloped = enveloped;
        EncodedV1 = JsonEncodedText.Encode(v1);
        EncodedEnveloped = v1 == enveloped ? EncodedV1 : JsonEncodedText.Encode(enveloped);
        Folded = Fold(v1);
    }

    public string V1 { get; }

    public string Enveloped { get; }

    /// <summary>Lowercase ASCII without underscores: <c>customer_id</c>, <c>customerId</c> and <c>CustomerID</c> all fold to <c>customerid</c>.</summary>
    public byte[] Folded { get; }

    private JsonEncodedText EncodedV1 { get; }

    private JsonEncodedText EncodedEnveloped { get; }

    public string In(PaymentsWireFormat format) => format == PaymentsWireFormat.V1 ? V1 : Enveloped;

    public JsonEncodedText EncodedIn(PaymentsWireFormat format) => format == PaymentsWireFormat.V1 ? EncodedV1 : EncodedEnveloped;

    /// <summary>Whether <paramref name="folded"/> (a name as <see cref="JsonName.Normalize"/> leaves it) is this field.</summary>
    public bool Is(ReadOnlySpan<byte> folded) => folded.SequenceEqual(Folded);

    private static byte[] Fold(string name) => System.Text.Encoding.ASCII.GetBytes(string.Concat(name.Split('_')).ToLowerInvariant());
}
