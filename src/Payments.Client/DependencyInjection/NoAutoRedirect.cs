using Microsoft.Extensions.Http;

namespace Payments.Client.DependencyInjection;

/// <summary>
/// Turns automatic redirects off on the primary handler, whichever the merchant configured. Registered
/// through <c>PostConfigure</c>, so it runs after every <c>ConfigurePrimaryHttpMessageHandler</c>: a followed
/// 307/308 would send the charge body to another address, and a followed 301/302/303 turns the charge into
/// a GET whose answer could pass for a charge.
/// </summary>
internal static class NoAutoRedirect
{
    public static void Apply(HttpMessageHandlerBuilder builder)
    {
        switch (builder.PrimaryHandler)
        {
#if NET
            // SocketsHttpHandler exists only on .NET Core 2.1+; the old targets' factory builds an HttpClientHandler.
            case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                sockets.AllowAutoRedirect = false;
                break;
#endif
            case HttpClientHandler { AllowAutoRedirect: true } handler:
                handler.AllowAutoRedirect = false;
                break;
        }

        // Any other primary handler is the merchant's own; the client still refuses an answer from another address.
    }
}
