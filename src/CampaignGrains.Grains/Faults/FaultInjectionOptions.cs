namespace CampaignGrains.Grains.Faults;

/// <summary>Off unless set: the multi-process crash tests set them on the silos they start.</summary>
public sealed class FaultInjectionOptions
{
    public const string Section = "FaultInjection";

    /// <summary>The point at which this process kills itself; <see cref="KillPoint.None"/> in production.</summary>
    public KillPoint KillAt { get; set; } = KillPoint.None;

    /// <summary>The time the point is reached that kills: later than the first, so the cluster is busy when it happens.</summary>
    public int KillOnHit { get; set; } = 1;
}
