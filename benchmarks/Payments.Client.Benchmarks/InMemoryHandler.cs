using System.Net;

namespace Payments.Client.Benchmarks;

/// <summary>Answers without a socket, so a benchmark measures the SDK's own cost (pure overhead).</summary>
internal sealed class InMemoryHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Read the body as a real transport would, so serialization is not optimized away.
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        return respond(request);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return new HttpResponseMessage(status) { Content = content };
    }
}
