// Email tab: bounces split into hard, soft and ignored, as a donut.
import type { TemplateResult } from "lit";
import type { EmailCounts, Report } from "../gen/campaigngrains/v1/report_pb";
import { share } from "../format";
import type { ChartSpec } from "./chart";
import { ChartWidget } from "./chart-widget";
import { renderTable } from "./table";

function categories(t: EmailCounts | undefined) {
  if (!t) return [];
  return [
    { metric: "hard-bounces", label: "Hard bounce", count: t.hardBounces, share: share(t.hardBounces, t.bounces) },
    { metric: "soft-bounces", label: "Soft bounce", count: t.softBounces, share: share(t.softBounces, t.bounces) },
    { metric: "ignored-bounces", label: "Ignored", count: t.ignoredBounces, share: share(t.ignoredBounces, t.bounces) },
  ];
}

export class BounceCategories extends ChartWidget {
  static override tag = "cg-bounce-categories";
  static override widgetId = "bounce-categories";
  static override heading = "Bounce categories";
  static override tab = "email" as const;

  protected override chart(report: Report): ChartSpec | undefined {
    const t = report.email?.totals;
    // An empty donut draws nothing at all; the table says "No bounces" instead.
    if (!t || t.bounces === 0n) return undefined;
    const rows = categories(t);
    return { type: "doughnut", labels: rows.map((r) => r.label), datasets: [{ label: "Bounces", data: rows.map((r) => Number(r.count)) }] };
  }

  protected override table(report: Report): TemplateResult {
    const t = report.email?.totals;
    return renderTable({
      caption: this.info.heading,
      keyLabel: "Category",
      rows: t && t.bounces > 0n ? categories(t) : [],
      key: (r) => r.metric,
      keyText: (r) => r.label,
      columns: [
        { label: "Bounces", metric: (r) => r.metric, value: (r) => r.count },
        { label: "Share", metric: (r) => `${r.metric}-share`, value: (r) => r.share, kind: "rate" },
      ],
      empty: "No bounces in this window",
    });
  }
}
