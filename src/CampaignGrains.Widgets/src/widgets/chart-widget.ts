// A widget with a chart that the reader can switch to a table (and back). The table is always in
// the DOM: visible in table view, visually hidden under the canvas in chart view, so the numbers
// are reachable by screen readers and tests in either view.
import { html, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import type { Report } from "../gen/campaigngrains/v1/report_pb";
import type { ChartSpec } from "./chart";
import { ReportWidget } from "./report-widget";

export type View = "chart" | "table";

export abstract class ChartWidget extends ReportWidget {
  // Lit merges these with the base class's properties.
  static override properties: PropertyDeclarations = { view: { type: String, reflect: true } };

  view: View = "chart";

  /** undefined when there is nothing to draw (the table then shows the empty message). */
  protected abstract chart(report: Report): ChartSpec | undefined;
  protected abstract table(report: Report): TemplateResult;

  protected override renderActions(): TemplateResult {
    const next: View = this.view === "table" ? "chart" : "table";
    return html`<button part="toggle" data-action="toggle-view" aria-label="Show as ${next}" @click=${() => this.toggle(next)}>
      ${next === "table" ? "Table" : "Chart"}
    </button>`;
  }

  private toggle(view: View): void {
    this.view = view;
    this.dispatchEvent(new CustomEvent("cg-view-change", { detail: { view }, bubbles: true, composed: true }));
  }

  protected override renderReport(report: Report): TemplateResult {
    const spec = this.view === "table" ? undefined : this.chart(report);
    return html`${spec ? html`<cg-chart part="chart" .spec=${spec}></cg-chart>` : nothing}
      <div part="table-wrap" class=${spec ? "sr-only" : "table-wrap"}>${this.table(report)}</div>`;
  }
}
