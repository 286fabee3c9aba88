namespace CampaignGrains.Cli;

/// <summary>What campaignctl's exit code tells a script. Every command ends with one of these.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Anything not foreseen below; the message says what happened.</summary>
    public const int Unexpected = 1;

    /// <summary>The command line could not be parsed: a missing or invalid argument or option.</summary>
    public const int Usage = 2;

    /// <summary>The cluster did not answer: connection refused, unavailable, or past the deadline.</summary>
    public const int Unreachable = 3;

    /// <summary>No valid token (UNAUTHENTICATED), or the token lacks a scope (PERMISSION_DENIED).</summary>
    public const int NotAuthorized = 4;

    public const int CampaignNotFound = 5;

    /// <summary>INVALID_ARGUMENT, or events that were malformed or rejected during ingest.</summary>
    public const int InvalidInput = 6;

    /// <summary>The tenant's rate limit still refused after every retry.</summary>
    public const int RateLimited = 7;

    /// <summary>Ctrl-C ended a command that has no natural end of its own to reach (128 + SIGINT, as shells do).</summary>
    public const int Interrupted = 130;
}
