using System.CommandLine;

namespace Payments.Cli.Commands;

/// <summary>Options several commands share, defined once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json")
    {
        Description = "Write machine-readable JSON to stdout instead of text (errors still get one line on stderr).",
    };

    public static Option<string> WireFormat(string description) => new Option<string>("--wire-format")
    {
        Description = description,
        DefaultValueFactory = _ => "v1",
    }.AcceptOnlyFromAmong("v1", "enveloped");

    /// <summary>An absolute http:// or https:// URL (System.CommandLine has no converter for <see cref="Uri"/>).</summary>
    public static Option<Uri?> Url(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out Uri? url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                return url;
            }

            result.AddError($"{name} must be an absolute http:// or https:// URL (got '{text}').");
            return null;
        },
    };
}
