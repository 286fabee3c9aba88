// <cg-chart>: a Chart.js canvas driven by a small declarative spec. Only the controllers,
// elements and scales the widgets use are registered, so the rest of Chart.js is tree-shaken.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import { css, html, LitElement, type PropertyValues } from "lit";
import { pageLocale } from "../format";

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

export interface ChartSpec {
  type: "line" | "bar" | "doughnut";
  labels: string[];
  datasets: { label: string; data: number[] }[];
  /** Bars side by side (false) or stacked (true). */
  stacked?: boolean;
  /** Horizontal bars: long reason names read better along the y axis. */
  horizontal?: boolean;
}

const fallbackPalette = ["#2f6fec", "#12b886", "#f59f00", "#e03131", "#7048e8", "#1098ad", "#d6336c", "#5c940d"];

export class CgChart extends LitElement {
  static override properties = { spec: { attribute: false } };
  static override styles = css`
    :host { display: block; }
    .box { position: relative; height: var(--cg-chart-height, 240px); }
  `;

  spec?: ChartSpec;
  private chart?: Chart;
  private shape?: string;

  override render() {
    // The canvas is decoration for sighted readers; the widget renders the same numbers as a table.
    return html`<div class="box"><canvas part="canvas" aria-hidden="true"></canvas></div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a move (disconnect destroyed the chart): draw again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  protected override updated(_: PropertyValues<this>): void {
    const spec = this.spec;
    if (!spec) return;
    const shape = `${spec.type}|${spec.stacked}|${spec.horizontal}`;
    const data = this.data(spec);
    if (this.chart && this.shape === shape) {
      // Live updates replace the data in place, without animation, so the chart does not flicker.
      this.chart.data = data;
      this.chart.update("none");
      return;
    }
    this.chart?.destroy();
    this.shape = shape;
    const canvas = this.renderRoot.querySelector("canvas");
    if (canvas) this.chart = new Chart(canvas, this.config(spec, data));
  }

  private palette(): string[] {
    const style = getComputedStyle(this);
    return fallbackPalette.map((c, i) => style.getPropertyValue(`--cg-chart-${i + 1}`).trim() || (i === 0 && style.getPropertyValue("--cg-accent").trim()) || c);
  }

  private data(spec: ChartSpec): ChartConfiguration["data"] {
    const colors = this.palette();
    return {
      labels: spec.labels,
      datasets: spec.datasets.map((d, i) => ({
        label: d.label,
        data: d.data,
        // A doughnut colours its slices; line and bar charts colour their series.
        backgroundColor: spec.type === "doughnut" ? spec.labels.map((_, j) => colors[j % colors.length]) : colors[i % colors.length],
        borderColor: spec.type === "doughnut" ? "transparent" : colors[i % colors.length],
        borderWidth: spec.type === "line" ? 2 : 0,
        pointRadius: 0,
        maxBarThickness: 32,
        tension: 0,
      })),
    } as ChartConfiguration["data"];
  }

  private config(spec: ChartSpec, data: ChartConfiguration["data"]): ChartConfiguration {
    const style = getComputedStyle(this);
    const fg = style.getPropertyValue("--cg-fg").trim() || style.color;
    const grid = style.getPropertyValue("--cg-grid").trim() || "rgba(127,127,127,0.2)";
    const axis = { stacked: !!spec.stacked, ticks: { color: fg }, grid: { color: grid } };
    return {
      type: spec.type,
      data,
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: pageLocale(),
        color: fg,
        font: { family: style.fontFamily },
        indexAxis: spec.horizontal ? "y" : "x",
        interaction: spec.type === "doughnut" ? undefined : { mode: "index", intersect: false },
        plugins: { legend: { display: spec.type === "doughnut" || spec.datasets.length > 1, labels: { color: fg } } },
        scales: spec.type === "doughnut" ? {} : { x: { ...axis, beginAtZero: true }, y: { ...axis, beginAtZero: true } },
      },
    } as ChartConfiguration;
  }
}
