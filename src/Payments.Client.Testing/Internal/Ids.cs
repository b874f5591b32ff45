using System.Security.Cryptography;

namespace Payments.Client.Testing.Internal;

/// <summary>Random identifiers with the contract's prefixes (<c>ch_</c>, <c>evt_</c>, <c>req_</c>, <c>sk_test_</c>).</summary>
internal static class Ids
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string New(string prefix, int length = 16) => prefix + RandomNumberGenerator.GetString(Alphabet, length);
}
