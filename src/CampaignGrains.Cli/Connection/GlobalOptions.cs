using System.CommandLine;
using System.CommandLine.Parsing;

namespace CampaignGrains.Cli.Connection;

/// <summary>The options every command that calls the cluster takes: where it is and who is calling.</summary>
internal sealed class GlobalOptions
{
    public const string AddressVariable = "CAMPAIGNCTL_ADDRESS";
    public const string TokenVariable = "CAMPAIGNCTL_TOKEN";

    /// <summary>The h2c gRPC port of the silo that ./run.sh starts.</summary>
    public const string DefaultAddress = "http://127.0.0.1:5001";

    public Option<Uri> Address { get; } = new("--address")
    {
        Description = $"The gateway's gRPC address [env: {AddressVariable}]",
        Recursive = true,
        DefaultValueFactory = _ => ParseAddress(Environment.GetEnvironmentVariable(AddressVariable) ?? DefaultAddress) ?? new Uri(DefaultAddress),
        CustomParser = result => ParseAddress(result.Tokens.Single().Value) ?? Invalid(result),
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"Bearer token (JWT) of the calling tenant [env: {TokenVariable}]",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(TokenVariable),
    };

    public ClusterConnection Connect(ParseResult parse) => new(parse.GetRequiredValue(Address), parse.GetValue(Token));

    private static Uri? ParseAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static Uri Invalid(ArgumentResult result)
    {
        result.AddError($"--address '{result.Tokens.Single().Value}' is not an http:// or https:// address, e.g. {DefaultAddress}");
        return null!;
    }
}
