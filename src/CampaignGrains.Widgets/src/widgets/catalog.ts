// Every report widget, in the order the tabs and the default dashboard show them.
import { BounceCategories } from "./bounce-categories";
import { CampaignStatistics } from "./campaign-statistics";
import { EmailSendingMetrics, EmailSendingStatistics } from "./email-statistics";
import { EmailSummary, HardSoftBounces } from "./email-summary";
import { PushPlatforms } from "./push-platforms";
import { PushFailed, PushSendingMetrics, PushSendingPerformance } from "./push-statistics";
import { PushSummary } from "./push-summary";
import { BounceReasons, EmailErrorReasons, EmailExcludeReasons, PushErrorReasons, PushExcludeReasons } from "./reasons";
import type { ReportWidget, TabName } from "./report-widget";
import { TopDomains } from "./top-domains";

export type WidgetClass = typeof ReportWidget & (new () => ReportWidget);

export const WIDGETS: readonly WidgetClass[] = [
  CampaignStatistics,
  EmailSendingStatistics,
  EmailSendingMetrics,
  EmailSummary,
  BounceCategories,
  HardSoftBounces,
  BounceReasons,
  EmailErrorReasons,
  EmailExcludeReasons,
  TopDomains,
  PushSendingPerformance,
  PushSummary,
  PushSendingMetrics,
  PushFailed,
  PushErrorReasons,
  PushExcludeReasons,
  PushPlatforms,
];

export const TABS: readonly { tab: TabName; label: string }[] = [
  { tab: "campaign", label: "Campaign" },
  { tab: "email", label: "Email" },
  { tab: "push", label: "Push" },
];

export function widgetById(id: string): WidgetClass | undefined {
  return WIDGETS.find((w) => w.widgetId === id);
}
