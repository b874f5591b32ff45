namespace Payments.Client.Webhooks.Tests;

/// <summary>Known-answer vectors: signatures computed by openssl over the fixture files, never by our code.</summary>
internal static class Vectors
{
    public const string Current = "whsec_test_current";
    public const string Previous = "whsec_test_previous";

    public static IReadOnlyList<(string File, string Secret, string Signature)> All { get; } =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "vectors.txt"))
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split('|'))
            .Select(parts => (parts[0], parts[1], parts[2]))
            .ToArray();

    public static byte[] Body(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", file));

    public static string Signature(string file, string secret = Current) => All.Single(v => v.File == file && v.Secret == secret).Signature;
}
