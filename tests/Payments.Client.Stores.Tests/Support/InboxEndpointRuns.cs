namespace Payments.Client.Stores.Tests.Support;

/// <summary>Handler runs by event id, counted in the test process.</summary>
internal sealed class InboxEndpointRuns
{
    private readonly ConcurrentDictionary<string, int> _byId = new(StringComparer.Ordinal);

    public int Total => _byId.Values.Sum();

    public void Add(string eventId) => _byId.AddOrUpdate(eventId, 1, (_, n) => n + 1);

    public int Of(string eventId) => _byId.GetValueOrDefault(eventId);
}
