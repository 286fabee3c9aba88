// Campaign tab: Entered, Excluded, Delivered and Errors across all channels.
import { html, nothing } from "lit";
import type { Report } from "../gen/campaigngrains/v1/report_pb";
import { ReportWidget } from "./report-widget";
import { renderTiles } from "./table";

export class CampaignStatistics extends ReportWidget {
  static override tag = "cg-campaign-statistics";
  static override widgetId = "campaign-statistics";
  static override heading = "Campaign statistics";
  static override tab = "campaign" as const;
  static override defaultSize = "l" as const;

  protected override renderReport(report: Report) {
    const t = report.campaign;
    if (!t) return nothing;
    return html`${renderTiles([
      { metric: "entered", label: "Entered profiles", value: t.entered },
      { metric: "excluded", label: "Excluded", value: t.excluded },
      { metric: "delivered", label: "Messages delivered", value: t.delivered },
      { metric: "errors", label: "Errors", value: t.errors },
    ])}`;
  }
}
