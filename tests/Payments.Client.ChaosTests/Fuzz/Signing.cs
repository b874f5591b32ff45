namespace Payments.Client.ChaosTests.Fuzz;

/// <summary>The contract's signature, computed independently of the code under test.</summary>
internal static class Signing
{
    public const string Secret = "whsec_fuzz_secret_never_printed";

    public static string Sign(byte[] body, string secret = Secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
