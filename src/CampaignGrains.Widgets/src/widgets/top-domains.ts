// Email tab: the ten recipient domains with the most opens.
import { html, nothing } from "lit";
import type { DomainStats, Report } from "../gen/campaigngrains/v1/report_pb";
import { ReportWidget } from "./report-widget";
import { renderTable } from "./table";

export const TOP_DOMAINS = 10;

// The server already orders by opens, then sent; sorting again keeps the widget right even if a
// server changes that order. Ties keep the server's order (Array.prototype.sort is stable).
function top(domains: DomainStats[]): DomainStats[] {
  const cmp = (a: bigint, b: bigint) => (a === b ? 0 : a > b ? -1 : 1);
  return [...domains].sort((a, b) => cmp(a.opens, b.opens) || cmp(a.sent, b.sent)).slice(0, TOP_DOMAINS);
}

export class TopDomains extends ReportWidget {
  static override tag = "cg-top-domains";
  static override widgetId = "top-domains";
  static override heading = "Top recipient domains";
  static override tab = "email" as const;

  protected override renderReport(report: Report) {
    const d = report.email?.domains;
    if (!report.email) return nothing;
    return html`<div part="table-wrap" class="table-wrap">
      ${renderTable({
        caption: this.info.heading,
        keyLabel: "Domain",
        rows: top(d?.domains ?? []),
        key: (x) => x.domain,
        columns: [
          { label: "Sent", metric: "sent", value: (x) => x.sent },
          { label: "Delivered", metric: "delivered", value: (x) => x.delivered },
          { label: "Bounces", metric: "bounces", value: (x) => x.bounces },
          { label: "Opens", metric: "opens", value: (x) => x.opens },
          { label: "Clicks", metric: "clicks", value: (x) => x.clicks },
        ],
        empty: "No recipient domains in this window",
      })}
    </div>`;
  }
}
