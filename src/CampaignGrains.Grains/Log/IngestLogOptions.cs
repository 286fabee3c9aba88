namespace CampaignGrains.Grains.Log;

/// <summary>The ingest log and the checkpoints of the statistics grains. Section "IngestLog" of the host configuration.</summary>
public sealed class IngestLogOptions
{
    public const string Section = "IngestLog";

    /// <summary>The most shards a deployment may have: a grain's checkpoint keeps a position for each (8 bytes).</summary>
    public const int MaxShards = 256;

    /// <summary>
    /// Log shards, each one writer. Fixed for a deployment's life: a batch's shard is its key's hash modulo this,
    /// and grains keep one position per shard.
    /// </summary>
    public int Shards { get; set; } = 8;

    /// <summary>
    /// A grain with unwritten changes checkpoints at least this often: the replay after a crash is at most this
    /// much of its traffic. Every grain a fan-out touches writes once per interval, so this also sets the
    /// checkpoint writes a second (active grains ÷ interval); 15 s lets one Azurite carry 10,000 campaigns.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>...or once this many events are unwritten, whichever comes first.</summary>
    public int CheckpointEvents { get; set; } = 50_000;

    /// <summary>How long an idempotency key is remembered: a retry within it is answered as a duplicate.</summary>
    public TimeSpan KeyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Bytes of entries one storage transaction carries at most (Azure allows 4 MB; smaller commits stall less).</summary>
    public int MaxTransactionBytes { get; set; } = 512 * 1024;

    /// <summary>
    /// Deliveries to statistics grains one shard keeps in flight; more wait their turn (queue, not time out). A
    /// delivery to an active grain is an in-memory call; one to a grain that must activate first reads its
    /// checkpoint, so this also bounds the storage reads a fan-out over new campaigns starts at once.
    /// </summary>
    public int MaxDeliveriesInFlight { get; set; } = 256;

    /// <summary>
    /// Partitions of the checkpoint table: a grain's record is in the one its id hashes to, and records of one
    /// partition are written together, up to 100 a transaction. Fixed for a deployment's life, like
    /// <see cref="Shards"/>: a grain whose partition changed would not find its record.
    /// </summary>
    public int CheckpointPartitions { get; set; } = 16;

    /// <summary>
    /// Checkpoint transactions one silo has in flight (each carries up to 100 grains' records); more wait their
    /// turn and group up meanwhile, so checkpoints never crowd out the log's appends.
    /// </summary>
    public int MaxCheckpointCommitsInFlight { get; set; } = 4;

    public bool IsValid =>
        Shards is >= 1 and <= MaxShards && CheckpointInterval >= TimeSpan.FromMilliseconds(100) && CheckpointEvents >= 1 &&
        KeyRetention >= TimeSpan.FromMinutes(1) && KeyRetention <= TimeSpan.FromDays(7) &&
        MaxTransactionBytes is >= 64 * 1024 and <= 4 * 1024 * 1024 - 64 * 1024 && MaxDeliveriesInFlight >= 1 &&
        CheckpointPartitions is >= 1 and <= 999 && MaxCheckpointCommitsInFlight >= 1;
}
