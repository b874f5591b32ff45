namespace Payments.Client.Testing.Rules;

/// <summary>One error answer: status and the fields of <c>{ "success": false, "error": {...} }</c>.</summary>
internal sealed record ApiError(int Status, string Type, string Code, string Message, string? Param = null)
{
    /// <summary>Written inside <c>error</c> for a 402 decline.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Written as <c>error.details.charge_id</c>: the failed charge a decline recorded.</summary>
    public string? ChargeId { get; init; }

    public string DocUrl => "https://api.example.com/docs/errors#" + Code;
}
