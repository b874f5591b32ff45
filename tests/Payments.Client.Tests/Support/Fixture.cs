namespace Payments.Client.Tests.Support;

/// <summary>The API documents' own JSON examples, copied verbatim into Fixtures/.</summary>
internal static class Fixture
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
