namespace Payments.Client;

/// <summary>
/// Creates clients registered by name with <c>AddPaymentsClient(name, ...)</c>, for example one per
/// merchant account or API key. The unnamed client is also injectable directly as <see cref="IPaymentsClient"/>.
/// </summary>
public interface IPaymentsClientFactory
{
    /// <summary>Creates the client registered under <paramref name="name"/>. Cheap: the pipeline is built once per name.</summary>
    /// <param name="name">The name given to <c>AddPaymentsClient</c>; <see cref="string.Empty"/> for the unnamed client.</param>
    /// <returns>A client using that registration's options and HTTP handlers.</returns>
    /// <exception cref="InvalidOperationException">No client was registered under that name.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">That registration's options are invalid.</exception>
    IPaymentsClient CreateClient(string name);
}
