// Email tab: the sending statistics tiles and the sending-metrics table.
import { html, nothing } from "lit";
import type { Report } from "../gen/campaigngrains/v1/report_pb";
import { ReportWidget } from "./report-widget";
import { renderTable, renderTiles, type Num } from "./table";

/** Delivered, Bounces and Errors, each as a count and as a share of Sent. */
export class EmailSendingStatistics extends ReportWidget {
  static override tag = "cg-email-sending-statistics";
  static override widgetId = "email-sending-statistics";
  static override heading = "Email sending statistics";
  static override tab = "email" as const;

  protected override renderReport(report: Report) {
    const e = report.email;
    if (!e?.totals) return nothing;
    const { totals: t, rates: r } = e;
    return renderTiles([
      { metric: "sent", label: "Sent", value: t.sent },
      { metric: "delivered", label: "Delivered", value: t.delivered, rate: { metric: "delivery-rate", value: r?.delivery, label: "of sent" } },
      { metric: "bounces", label: "Bounces", value: t.bounces, rate: { metric: "bounce-rate", value: r?.bounce, label: "of sent" } },
      { metric: "errors", label: "Errors", value: t.errors, rate: { metric: "error-rate", value: r?.error, label: "of sent" } },
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

/** Every email metric with its rate (rates per the spec's definitions, computed by the server). */
export class EmailSendingMetrics extends ReportWidget {
  static override tag = "cg-email-sending-metrics";
  static override widgetId = "email-sending-metrics";
  static override heading = "Sending metrics by email";
  static override tab = "email" as const;

  protected override renderReport(report: Report) {
    const e = report.email;
    if (!e?.totals) return nothing;
    const { totals: t } = e;
    const r = e.rates;
    const rows: MetricRow[] = [
      { metric: "sent", label: "Sent", count: t.sent },
      { metric: "delivered", label: "Delivered", count: t.delivered, rateMetric: "delivery-rate", rate: r?.delivery },
      { metric: "bounces", label: "Bounces", count: t.bounces, rateMetric: "bounce-rate", rate: r?.bounce },
      { metric: "errors", label: "Errors", count: t.errors, rateMetric: "error-rate", rate: r?.error },
      { metric: "opens", label: "Opens", count: t.opens },
      { metric: "unique-opens", label: "Unique opens (estimate)", count: e.uniqueOpens, rateMetric: "open-rate", rate: r?.open },
      { metric: "clicks", label: "Clicks", count: t.clicks },
      { metric: "unique-clicks", label: "Unique clicks (estimate)", count: e.uniqueClicks, rateMetric: "click-through-rate", rate: r?.clickThrough },
      { metric: "click-to-open", label: "Click-to-open", count: undefined, rateMetric: "click-to-open-rate", rate: r?.clickToOpen },
      { metric: "unsubscribes", label: "Unsubscribes", count: t.unsubscribes, rateMetric: "unsubscribe-rate", rate: r?.unsubscribe },
      { metric: "spam-complaints", label: "Spam complaints", count: t.spamComplaints, rateMetric: "spam-complaint-rate", rate: r?.spamComplaint },
    ];
    return html`<div part="table-wrap" class="table-wrap">
      ${renderTable({
        caption: this.info.heading,
        keyLabel: "Metric",
        rows,
        key: (row) => row.metric,
        keyText: (row) => row.label,
        columns: [
          { label: "Count", metric: (row) => row.metric, value: (row) => row.count, applies: (row) => row.count !== undefined },
          { label: "Rate", metric: (row) => row.rateMetric ?? "", value: (row) => row.rate, kind: "rate", applies: (row) => !!row.rateMetric },
        ],
        empty: "No email sent in this window",
      })}
    </div>`;
  }
}
