namespace CampaignGrains.Grains.Ingest;

/// <summary>Why an event is refused: the field (snake_case, as in the API) and what is wrong with it.</summary>
public sealed record EventRejection(string Field, string Message);
