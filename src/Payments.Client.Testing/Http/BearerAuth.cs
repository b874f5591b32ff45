using Microsoft.AspNetCore.Http;
using Payments.Client.Testing.Rules;

namespace Payments.Client.Testing.Http;

/// <summary><c>Authorization: Bearer &lt;the fake's key&gt;</c>, or 401 <c>authentication_failed</c>.</summary>
internal sealed class BearerAuth(string apiKey)
{
    public ApiError? Check(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return ApiErrors.Unauthorized(keyPresent: false);
        }

        const string Scheme = "Bearer ";
        bool valid = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header.AsSpan(Scheme.Length).Trim().SequenceEqual(apiKey);
        return valid ? null : ApiErrors.Unauthorized(keyPresent: true);
    }
}
