// Email tab time charts: the Email summary and the Hard and soft bounces over time.
import type { EmailCounts, Report } from "../gen/campaigngrains/v1/report_pb";
import { SeriesWidget, type SeriesMetric } from "./series";

const summaryMetrics: SeriesMetric<EmailCounts>[] = [
  { metric: "sent", label: "Sent", pick: (c) => c.sent },
  { metric: "delivered", label: "Delivered", pick: (c) => c.delivered },
  { metric: "bounces", label: "Bounces", pick: (c) => c.bounces },
  { metric: "errors", label: "Errors", pick: (c) => c.errors },
  { metric: "opens", label: "Opens", pick: (c) => c.opens },
  { metric: "clicks", label: "Clicks", pick: (c) => c.clicks },
  { metric: "unsubscribes", label: "Unsubscribes", pick: (c) => c.unsubscribes },
  { metric: "spam-complaints", label: "Spam complaints", pick: (c) => c.spamComplaints },
];

const bounceMetrics: SeriesMetric<EmailCounts>[] = [
  { metric: "hard-bounces", label: "Hard", pick: (c) => c.hardBounces },
  { metric: "soft-bounces", label: "Soft", pick: (c) => c.softBounces },
  { metric: "ignored-bounces", label: "Ignored", pick: (c) => c.ignoredBounces },
];

const emailSeries = (r: Report) => (r.email ? { span: r.email.span, points: r.email.series } : undefined);

export class EmailSummary extends SeriesWidget<EmailCounts> {
  static override tag = "cg-email-summary";
  static override widgetId = "email-summary";
  static override heading = "Email summary";
  static override tab = "email" as const;
  static override defaultSize = "l" as const;
  protected override series = emailSeries;
  protected override metrics = () => summaryMetrics;
}

export class HardSoftBounces extends SeriesWidget<EmailCounts> {
  static override tag = "cg-hard-soft-bounces";
  static override widgetId = "hard-soft-bounces";
  static override heading = "Hard and soft bounces";
  static override tab = "email" as const;
  protected override series = emailSeries;
  protected override metrics = () => bounceMetrics;
  protected override chartType = "bar" as const;
}
