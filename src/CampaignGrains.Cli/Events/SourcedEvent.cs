using CampaignGrains.Api.V1;

namespace CampaignGrains.Cli.Events;

/// <summary>An event and where it came from ("file:line", or the simulation), so a rejection can point back at it.</summary>
internal sealed record SourcedEvent(DeliveryEvent Event, string Origin);

/// <summary>A line that is not an event at all: reported with its place and reason, and never sent.</summary>
internal sealed record MalformedLine(string Origin, string Reason);

/// <summary>One Ingest call: its events and the key that makes resending it safe.</summary>
internal sealed record OutgoingBatch(string IdempotencyKey, IReadOnlyList<SourcedEvent> Events);
