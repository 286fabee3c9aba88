// Push tab: sending performance tiles, the sending-metrics table and the failed-sending tiles.
import { html, nothing } from "lit";
import type { Report } from "../gen/campaigngrains/v1/report_pb";
import { ReportWidget } from "./report-widget";
import { renderTable, renderTiles, type Num } from "./table";

export class PushSendingPerformance extends ReportWidget {
  static override tag = "cg-push-sending-performance";
  static override widgetId = "push-sending-performance";
  static override heading = "Sending performance";
  static override tab = "push" as const;
  static override defaultSize = "l" as const;

  protected override renderReport(report: Report) {
    const p = report.push;
    if (!p?.totals) return nothing;
    const { totals: t, rates: r } = p;
    return renderTiles([
      { metric: "sent", label: "Sent", value: t.sent },
      { metric: "delivered", label: "Delivered", value: t.delivered, rate: { metric: "delivery-rate", value: r?.delivery, label: "of sent" } },
      { metric: "bounces", label: "Bounces", value: t.bounces, rate: { metric: "bounce-rate", value: r?.bounce, label: "of sent" } },
      { metric: "errors", label: "Errors", value: t.errors, rate: { metric: "error-rate", value: r?.error, label: "of sent" } },
      { metric: "opens", label: "Opens", value: t.opens, rate: { metric: "open-rate", value: r?.open, label: "open rate" } },
      { metric: "actions", label: "Actions", value: t.actions },
      { metric: "engagements", label: "Engagements", value: t.engagements },
    ]);
  }
}

interface MetricRow {
  metric: string;
  label: string;
  count: Num;
  rateMetric?: string;
  rate?: number;
}

export class PushSendingMetrics extends ReportWidget {
  static override tag = "cg-push-sending-metrics";
  static override widgetId = "push-sending-metrics";
  static override heading = "Sending metrics by push";
  static override tab = "push" as const;

  protected override renderReport(report: Report) {
    const p = report.push;
    if (!p?.totals) return nothing;
    const { totals: t } = p;
    const r = p.rates;
    const rows: MetricRow[] = [
      { metric: "sent", label: "Sent", count: t.sent },
      { metric: "delivered", label: "Delivered", count: t.delivered, rateMetric: "delivery-rate", rate: r?.delivery },
      { metric: "bounces", label: "Bounces", count: t.bounces, rateMetric: "bounce-rate", rate: r?.bounce },
      { metric: "errors", label: "Errors", count: t.errors, rateMetric: "error-rate", rate: r?.error },
      { metric: "excluded", label: "Excluded", count: t.excluded },
      { metric: "opens", label: "Opens", count: t.opens },
      { metric: "unique-opens", label: "Unique opens (estimate)", count: p.uniqueOpens, rateMetric: "open-rate", rate: r?.open },
      { metric: "actions", label: "Actions", count: t.actions },
      { metric: "engagements", label: "Engagements", count: t.engagements },
    ];
    return html`<div part="table-wrap" class="table-wrap">
      ${renderTable({
        caption: this.info.heading,
        keyLabel: "Metric",
        rows,
        key: (row) => row.metric,
        keyText: (row) => row.label,
        columns: [
          { label: "Count", metric: (row) => row.metric, value: (row) => row.count },
          { label: "Rate", metric: (row) => row.rateMetric ?? "", value: (row) => row.rate, kind: "rate", applies: (row) => !!row.rateMetric },
        ],
        empty: "No push sent in this window",
      })}
    </div>`;
  }
}

/** Sending statistics – failed: the push messages that did not arrive (errors and bounces). */
export class PushFailed extends ReportWidget {
  static override tag = "cg-push-failed";
  static override widgetId = "push-failed";
  static override heading = "Sending statistics – failed";
  static override tab = "push" as const;

  protected override renderReport(report: Report) {
    const p = report.push;
    if (!p?.totals) return nothing;
    return renderTiles([
      { metric: "errors", label: "Errors", value: p.totals.errors, rate: { metric: "error-rate", value: p.rates?.error, label: "of sent" } },
      { metric: "bounces", label: "Bounces", value: p.totals.bounces, rate: { metric: "bounce-rate", value: p.rates?.bounce, label: "of sent" } },
    ]);
  }
}
