namespace Payments.Client.Testing.Idempotency;

/// <summary>The first response given for a key, replayed byte for byte to every retry with the same parameters.</summary>
internal sealed record StoredResponse(string Fingerprint, int Status, byte[] Body, DateTimeOffset StoredAt);
