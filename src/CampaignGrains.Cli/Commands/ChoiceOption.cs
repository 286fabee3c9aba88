using System.CommandLine;

namespace CampaignGrains.Cli.Commands;

/// <summary>An option that takes one of a few words, and says so by name when given another.</summary>
internal static class ChoiceOption
{
    public static Option<string> Create(string name, string description, string? defaultValue, params string[] choices)
    {
        var option = new Option<string>(name) { Description = $"{description}: {string.Join(" | ", choices)}" };
        if (defaultValue is not null) option.DefaultValueFactory = _ => defaultValue;
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !choices.Contains(value))
                result.AddError($"{name} must be {string.Join(" or ", choices)}, not '{value}'.");
        });
        return option;
    }
}
