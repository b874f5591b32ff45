namespace Payments.Client;

/// <summary>HTTP 402, or an undocumented status or <c>"success": false</c> envelope whose code is <c>card_declined</c>: the issuer declined the card. Not retried. See <see cref="FailureReason"/>.</summary>
public sealed class CardDeclinedException : PaymentsException
{
    /// <summary>Creates the error with a message.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    public CardDeclinedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    /// <param name="innerException">The failure that caused it.</param>
    public CardDeclinedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal CardDeclinedException(string message, Exception? innerException, ErrorFacts facts)
        : base(message, innerException, facts)
    {
    }

    /// <summary>Why the issuer declined, for example <see cref="Client.FailureReason.InsufficientFunds"/>, when the API said.</summary>
    public FailureReason? FailureReason { get; init; }
}
