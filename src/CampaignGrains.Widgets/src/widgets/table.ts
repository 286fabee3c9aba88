// Tables and statistic tiles: the widgets' numbers as DOM text. Every number cell carries
// data-metric (what it is) and data-value (the exact raw value: an integer, or a fraction for a
// rate, "" when absent), so tests and hosts read numbers without parsing localised text.
import { html, nothing, type TemplateResult } from "lit";
import { formatCount, formatRate, rawValue } from "../format";

export type Num = bigint | number | undefined;

export interface Column<R> {
  label: string;
  metric: string | ((row: R) => string);
  value: (row: R) => Num;
  /** Counts are integers; rates are fractions shown as percentages. */
  kind?: "count" | "rate";
  /** false leaves the cell blank: not applicable, which differs from an absent rate ("–"). */
  applies?: (row: R) => boolean;
}

export interface TableSpec<R> {
  caption: string;
  keyLabel: string;
  rows: R[];
  /** data-key of the row: the reason, domain, platform, bucket start (ISO) or metric name. */
  key: (row: R) => string;
  keyText?: (row: R) => string;
  columns: Column<R>[];
  empty: string;
}

function cell(value: Num, kind: "count" | "rate" | undefined): string {
  if (kind === "rate") return formatRate(value === undefined ? undefined : Number(value));
  return value === undefined ? "" : formatCount(value);
}

export function renderTable<R>(t: TableSpec<R>): TemplateResult {
  if (t.rows.length === 0) return html`<div part="status" class="status">${t.empty}</div>`;
  return html`<table part="table">
    <caption class="sr-only">${t.caption}</caption>
    <thead><tr><th scope="col">${t.keyLabel}</th>${t.columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
    <tbody>
      ${t.rows.map(
        (r) => html`<tr data-key=${t.key(r)}>
          <th scope="row">${(t.keyText ?? t.key)(r)}</th>
          ${t.columns.map((c) => {
            if (c.applies && !c.applies(r)) return html`<td></td>`;
            const v = c.value(r);
            const metric = typeof c.metric === "string" ? c.metric : c.metric(r);
            return html`<td data-metric=${metric} data-value=${rawValue(v)}>${cell(v, c.kind)}</td>`;
          })}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

export interface Tile {
  metric: string;
  label: string;
  value: bigint;
  /** A share shown under the count, e.g. delivered as a share of sent. */
  rate?: { metric: string; value: number | undefined; label: string };
}

export function renderTiles(tiles: Tile[]): TemplateResult {
  return html`<div part="tiles" class="tiles">
    ${tiles.map(
      (t) => html`<div part="tile" class="tile">
        <span part="tile-label" class="label">${t.label}</span>
        <span part="tile-value" class="value" data-metric=${t.metric} data-value=${rawValue(t.value)}>${formatCount(t.value)}</span>
        ${t.rate
          ? html`<span part="tile-rate" class="rate"
              ><span data-metric=${t.rate.metric} data-value=${rawValue(t.rate.value)}>${formatRate(t.rate.value)}</span> ${t.rate.label}</span
            >`
          : nothing}
      </div>`,
    )}
  </div>`;
}
