namespace Payments.Client.Tests.Support;

internal static class ApiErrors
{
    public static string Body(string code, string message = "message from the API", string? param = null, string? failureReason = null) =>
        $$"""
        { "success": false, "error": { "type": "api_error", "code": "{{code}}", "message": "{{message}}", "param": {{(param is null ? "null" : $"\"{param}\"")}}, "details": { "hint": "x" }, "doc_url": "https://docs.example.com/errors/{{code}}"{{(failureReason is null ? "" : $", \"failure_reason\": \"{failureReason}\"")}} } }
        """;
}
