using Payments.Client;
using Payments.Client.Testing;

namespace Payments.Cli.Api;

/// <summary>
/// The API a command talks to: PAYMENTS_BASE_ADDRESS with PAYMENTS_API_KEY, or, when no address is set, an
/// in-process fake that lives as long as the command.
/// </summary>
internal sealed class ApiTarget : IAsyncDisposable
{
    public const string BaseAddressVariable = "PAYMENTS_BASE_ADDRESS";
    public const string ApiKeyVariable = "PAYMENTS_API_KEY";

    private readonly HttpClient _http;
    private readonly FakePaymentsApi? _fake;

    private ApiTarget(HttpClient http, PaymentsClient client, Uri baseAddress, FakePaymentsApi? fake)
    {
        _http = http;
        _fake = fake;
        Client = client;
        BaseAddress = baseAddress;
    }

    public PaymentsClient Client { get; }

    public Uri BaseAddress { get; }

    public bool IsInProcessFake => _fake is not null;

    public static async Task<ApiTarget> OpenAsync(CliConsole console, string wireFormat, CancellationToken cancellationToken)
    {
        string? address = console.Environment(BaseAddressVariable);
        string? key = console.Environment(ApiKeyVariable);
        FakePaymentsApi? fake = null;
        Uri baseAddress;
        if (string.IsNullOrWhiteSpace(address))
        {
            fake = await FakePaymentsApi.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            baseAddress = fake.BaseAddress;
            key = fake.ApiKey;
        }
        else
        {
            // "http://127.0.0.1:12111/v1" and ".../v1/" mean the same to a person; only the second resolves paths under v1.
            string normalized = address.EndsWith('/') ? address : address + "/";
            if (!Uri.TryCreate(normalized, UriKind.Absolute, out Uri? parsed))
            {
                throw new CliException($"{BaseAddressVariable} is not an absolute URL: '{address}'", ExitCodes.Usage);
            }

            if (string.IsNullOrWhiteSpace(key))
            {
                throw new CliException($"{BaseAddressVariable} is set but {ApiKeyVariable} is not: set the key the API expects (payments fake prints it)", ExitCodes.Usage);
            }

            baseAddress = parsed;
        }

        var options = new PaymentsClientOptions
        {
            BaseAddress = baseAddress,
            ApiKey = key!,
            WireFormat = wireFormat == "enveloped" ? PaymentsWireFormat.Enveloped : PaymentsWireFormat.V1,
        };
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            var client = new PaymentsClient(http, options, TimeProvider.System, new ProgressLoggerFactory(console));
            return new ApiTarget(http, client, baseAddress, fake);
        }
        catch (ArgumentException e)
        {
            http.Dispose();
            if (fake is not null)
            {
                await fake.DisposeAsync().ConfigureAwait(false);
            }

            throw new CliException(e.Message, ExitCodes.Usage);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_fake is not null)
        {
            await _fake.DisposeAsync().ConfigureAwait(false);
        }
    }
}
