using System.Runtime.CompilerServices;
using V1 = CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Mapping;

/// <summary>
/// The published message of each tab, mapped once per tab instance. A grain hands out the same immutable
/// tab until its statistics change or its five-minute bucket moves, and a gateway in the same silo receives
/// that very instance (Orleans does not copy immutable results), so repeated reads reuse one message.
/// Messages are only ever serialized, never changed, so concurrent responses can share them. An entry
/// lives exactly as long as its tab.
/// </summary>
internal static class MappedTabs
{
    private static readonly ConditionalWeakTable<CampaignTab, V1.CampaignTab> Campaign = new();
    private static readonly ConditionalWeakTable<EmailTab, V1.EmailTab> Email = new();
    private static readonly ConditionalWeakTable<PushTab, V1.PushTab> Push = new();

    public static V1.CampaignTab Of(CampaignTab tab) => Campaign.GetValue(tab, ReportMapper.ToMessage);

    public static V1.EmailTab Of(EmailTab tab) => Email.GetValue(tab, ReportMapper.ToMessage);

    public static V1.PushTab Of(PushTab tab) => Push.GetValue(tab, ReportMapper.ToMessage);
}
