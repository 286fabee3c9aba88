// Push tab: the Push summary time chart.
import type { PushCounts, Report } from "../gen/campaigngrains/v1/report_pb";
import { SeriesWidget, type SeriesMetric } from "./series";

const metrics: SeriesMetric<PushCounts>[] = [
  { metric: "sent", label: "Sent", pick: (c) => c.sent },
  { metric: "delivered", label: "Delivered", pick: (c) => c.delivered },
  { metric: "bounces", label: "Bounces", pick: (c) => c.bounces },
  { metric: "errors", label: "Errors", pick: (c) => c.errors },
  { metric: "opens", label: "Opens", pick: (c) => c.opens },
  { metric: "actions", label: "Actions", pick: (c) => c.actions },
  { metric: "engagements", label: "Engagements", pick: (c) => c.engagements },
];

export class PushSummary extends SeriesWidget<PushCounts> {
  static override tag = "cg-push-summary";
  static override widgetId = "push-summary";
  static override heading = "Push summary";
  static override tab = "push" as const;
  static override defaultSize = "l" as const;
  protected override series = (r: Report) => (r.push ? { span: r.push.span, points: r.push.series } : undefined);
  protected override metrics = () => metrics;
}
