using CampaignGrains.Api.Security;

namespace CampaignGrains.Silo;

/// <summary>
/// <c>mint-dev-token --tenant ID [--scopes a,b] [--minutes N]</c>: prints a token of the development
/// issuer, signed with the key this host validates with in Development. Refuses in any other environment.
/// </summary>
internal static class DevelopmentTokenCommand
{
    public const string Name = "mint-dev-token";

    public static int Run(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Development"}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var tenant = configuration["tenant"];
        if (string.IsNullOrEmpty(auth.DevelopmentSigningKey))
        {
            Console.Error.WriteLine("No development issuer here: Auth:DevelopmentSigningKey is set in the Development environment only.");
            return 1;
        }
        if (string.IsNullOrEmpty(tenant))
        {
            Console.Error.WriteLine($"usage: {Name} --tenant ID [--scopes {string.Join(',', DevelopmentTokens.DefaultScopes)}] [--minutes 60]");
            return 2;
        }

        var scopes = configuration["scopes"]?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? DevelopmentTokens.DefaultScopes;
        var minutes = int.TryParse(configuration["minutes"], out var value) && value is > 0 and <= 24 * 60 ? value : 60;
        Console.WriteLine(DevelopmentTokens.Mint(auth.DevelopmentSigningKey, auth.Issuer, auth.Audience, tenant, scopes, TimeSpan.FromMinutes(minutes), tenantClaim: auth.TenantClaim));
        return 0;
    }
}
