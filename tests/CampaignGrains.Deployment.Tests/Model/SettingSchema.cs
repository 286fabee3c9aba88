using System.Collections;
using System.ComponentModel;
using System.Reflection;
using CampaignGrains.Api;
using CampaignGrains.Api.Security;
using CampaignGrains.Gateway;
using CampaignGrains.Grains.Ingest;
using CampaignGrains.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CampaignGrains.Deployment.Tests.Model;

/// <summary>
/// The settings a host reads, derived from its options classes: an environment variable is valid when
/// its name (with "__" for ":") reaches a settable property of the class bound to its section, its value
/// converts to that property's type, and the configuration binder takes it without unknown keys.
/// </summary>
internal sealed class SettingSchema
{
    /// <summary>Read by the host itself rather than through options.</summary>
    private static readonly string[] HostVariables = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS"];

    private readonly IReadOnlyDictionary<string, Type> sections;
    private readonly string connectionStringName;

    private SettingSchema(IReadOnlyDictionary<string, Type> sections, string connectionStringName)
    {
        this.sections = sections;
        this.connectionStringName = connectionStringName;
    }

    public static SettingSchema Silo { get; } = new(new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [SiloOptions.Section] = typeof(SiloOptions),
        [$"{SiloOptions.Section}:Membership"] = typeof(Orleans.Configuration.ClusterMembershipOptions),
        [GatewayOptions.Section] = typeof(GatewayOptions),
        [AuthOptions.Section] = typeof(AuthOptions),
        [RateLimitOptions.Section] = typeof(RateLimitOptions),
        [IngestOptions.Section] = typeof(IngestOptions),
    }, SiloConfiguration.StorageConnectionName);

    public static SettingSchema Gateway { get; } = new(new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [ClusterClientOptions.Section] = typeof(ClusterClientOptions),
        [GatewayOptions.Section] = typeof(GatewayOptions),
        [AuthOptions.Section] = typeof(AuthOptions),
        [RateLimitOptions.Section] = typeof(RateLimitOptions),
    }, GatewayApplication.StorageConnectionName);

    public static string ConfigurationKey(string variable) => variable.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Why <paramref name="variable"/> is not a setting of this host, or null when it is.</summary>
    /// <param name="value">The literal value, checked against the property's type; null when it comes from a reference.</param>
    public string? Problem(string variable, string? value)
    {
        if (HostVariables.Contains(variable, StringComparer.Ordinal))
            return variable == "ASPNETCORE_ENVIRONMENT" && value is "" ? "is empty" : null;
        if (!variable.Contains("__", StringComparison.Ordinal))
            return "is neither a host variable nor a configuration key (sections are separated by '__')";

        var segments = ConfigurationKey(variable).Split(':');
        switch (segments[0])
        {
            case "ConnectionStrings":
                return segments is [_, var name] && name == connectionStringName
                    ? null
                    : $"is not a connection string this host reads (it reads ConnectionStrings__{connectionStringName})";
            case "Logging":
                // Logging:LogLevel:<category> or Logging:<provider>:LogLevel:<category>, a LogLevel each.
                var level = Array.IndexOf(segments, "LogLevel");
                if (level is not (1 or 2) || segments.Length != level + 2)
                    return "is not a Logging:[Provider:]LogLevel:Category setting";
                return value is null || Enum.TryParse<LogLevel>(value, out _) ? null : $"'{value}' is not a log level";
        }

        var section = sections.Keys
            .Where(prefix => segments.Length > prefix.Split(':').Length && string.Join(':', segments[..prefix.Split(':').Length]) == prefix)
            .MaxBy(prefix => prefix.Length);
        if (section is null) return $"is in no section this host binds ({string.Join(", ", sections.Keys.Order(StringComparer.Ordinal))}, ConnectionStrings, Logging)";

        var type = sections[section];
        var path = segments[section.Split(':').Length..];
        var leaf = Resolve(type, path, out var problem);
        if (leaf is null) return $"does not reach a setting of {type.Name}: {problem}";
        if (value is null) return null;
        try
        {
            TypeDescriptor.GetConverter(leaf).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception exception) when (exception is FormatException or NotSupportedException or ArgumentException || exception.InnerException is FormatException)
        {
            return $"'{value}' is not a {leaf.Name}";
        }
    }

    /// <summary>
    /// Binds the settings to the options classes with <see cref="BinderOptions.ErrorOnUnknownConfiguration"/>,
    /// the way the host binds them; throws on a key the classes do not have or a value they cannot take.
    /// </summary>
    public void Bind(IReadOnlyDictionary<string, string> variables)
    {
        var keys = variables
            .Where(pair => pair.Key.Contains("__", StringComparison.Ordinal))
            .Select(pair => (key: ConfigurationKey(pair.Key), pair.Value))
            .ToList();
        foreach (var (section, type) in sections)
        {
            var prefix = section + ":";
            var nested = sections.Keys.Where(other => other.StartsWith(prefix, StringComparison.Ordinal)).Select(other => other + ":").ToList();
            var own = keys
                .Where(entry => entry.key.StartsWith(prefix, StringComparison.Ordinal) && !nested.Any(n => entry.key.StartsWith(n, StringComparison.Ordinal)))
                .ToDictionary(entry => entry.key[prefix.Length..], entry => (string?)entry.Value, StringComparer.OrdinalIgnoreCase);
            if (own.Count == 0) continue;
            new ConfigurationBuilder().AddInMemoryCollection(own).Build()
                .Get(type, binder => binder.ErrorOnUnknownConfiguration = true);
        }
    }

    /// <summary>The type of the setting <paramref name="path"/> reaches below <paramref name="type"/>, or null.</summary>
    private static Type? Resolve(Type type, string[] path, out string problem)
    {
        problem = "";
        foreach (var (segment, index) in path.Select((segment, index) => (segment, index)))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (IsScalar(type))
            {
                problem = $"'{string.Join(':', path[..index])}' is a single value, not a section";
                return null;
            }

            if (ElementType(type) is { } element)
            {
                if (!int.TryParse(segment, out var position) || position < 0)
                {
                    problem = $"'{segment}' is not an index of the list '{string.Join(':', path[..index])}'";
                    return null;
                }

                type = element;
                continue;
            }

            // Exact spelling: the binder ignores case, but the documented names are the ones to use.
            var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance);
            if (property is null || (property.SetMethod?.IsPublic != true && IsScalar(property.PropertyType)))
            {
                var known = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order(StringComparer.Ordinal);
                problem = $"{type.Name} has no settable property '{segment}' (it has {string.Join(", ", known)})";
                return null;
            }

            type = property.PropertyType;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!IsScalar(type))
        {
            problem = $"'{string.Join(':', path)}' is a section of {type.Name}, not a single value";
            return null;
        }

        return type;
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) ||
        type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Uri) || type == typeof(Guid);

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var element] ? element
        : null;
}
