// Counts per reason (bounce, error, exclude) as horizontal bars: reason names are long.
import { html, nothing, type TemplateResult } from "lit";
import type { ReasonBreakdown, Report } from "../gen/campaigngrains/v1/report_pb";
import type { ChartSpec } from "./chart";
import { ChartWidget } from "./chart-widget";
import { renderTable } from "./table";

/** data-key of the row that sums the reasons beyond the server's kept set. */
export const OTHER_KEY = "(other)";

function rows(b: ReasonBreakdown | undefined) {
  if (!b) return [];
  const r = b.reasons.map((x) => ({ key: x.reason, label: x.reason, count: x.count }));
  if (b.other > 0n) r.push({ key: OTHER_KEY, label: "Other", count: b.other });
  return r;
}

abstract class ReasonsWidget extends ChartWidget {
  protected abstract breakdown(report: Report): ReasonBreakdown | undefined;
  protected abstract readonly emptyText: string;

  protected override chart(report: Report): ChartSpec | undefined {
    const r = rows(this.breakdown(report));
    if (r.length === 0) return undefined;
    return { type: "bar", horizontal: true, labels: r.map((x) => x.label), datasets: [{ label: "Count", data: r.map((x) => Number(x.count)) }] };
  }

  protected override table(report: Report): TemplateResult {
    const b = this.breakdown(report);
    return html`${renderTable({
      caption: this.info.heading,
      keyLabel: "Reason",
      rows: rows(b),
      key: (x) => x.key,
      keyText: (x) => x.label,
      columns: [{ label: "Count", metric: "count", value: (x) => x.count }],
      empty: this.emptyText,
    })}${b && !b.exact ? html`<p part="note" class="note">Some counts are lower bounds: earlier events of rarer reasons are summed in Other.</p>` : nothing}`;
  }
}

export class BounceReasons extends ReasonsWidget {
  static override tag = "cg-bounce-reasons";
  static override widgetId = "bounce-reasons";
  static override heading = "Bounce reasons";
  static override tab = "email" as const;
  protected override breakdown = (r: Report) => r.email?.bounceReasons;
  protected override emptyText = "No bounces in this window";
}

export class EmailErrorReasons extends ReasonsWidget {
  static override tag = "cg-email-error-reasons";
  static override widgetId = "email-error-reasons";
  static override heading = "Error reasons";
  static override tab = "email" as const;
  protected override breakdown = (r: Report) => r.email?.errorReasons;
  protected override emptyText = "No errors in this window";
}

export class EmailExcludeReasons extends ReasonsWidget {
  static override tag = "cg-email-exclude-reasons";
  static override widgetId = "email-exclude-reasons";
  static override heading = "Exclude reasons";
  static override tab = "email" as const;
  protected override breakdown = (r: Report) => r.email?.excludeReasons;
  protected override emptyText = "No exclusions in this window";
}

export class PushErrorReasons extends ReasonsWidget {
  static override tag = "cg-push-error-reasons";
  static override widgetId = "push-error-reasons";
  static override heading = "Push error reasons";
  static override tab = "push" as const;
  protected override breakdown = (r: Report) => r.push?.errorReasons;
  protected override emptyText = "No errors in this window";
}

export class PushExcludeReasons extends ReasonsWidget {
  static override tag = "cg-push-exclude-reasons";
  static override widgetId = "push-exclude-reasons";
  static override heading = "Push exclude reasons";
  static override tab = "push" as const;
  protected override breakdown = (r: Report) => r.push?.excludeReasons;
  protected override emptyText = "No exclusions in this window";
}
