// Time charts: one point per bucket of the report's span (the server includes empty buckets),
// drawn as lines or stacked bars, with a table of the same points.
import type { TemplateResult } from "lit";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Report, ReportSpan } from "../gen/campaigngrains/v1/report_pb";
import { durationSeconds, formatBucket, isoTime } from "../format";
import type { ChartSpec } from "./chart";
import { ChartWidget } from "./chart-widget";
import { renderTable } from "./table";

export interface SeriesMetric<C> {
  metric: string;
  label: string;
  pick: (counts: C) => bigint;
}

export interface Series<C> {
  span?: ReportSpan;
  points: { start?: Timestamp; counts?: C }[];
}

interface SeriesRow<C> {
  /** ISO start of the bucket: the table row's data-key. */
  key: string;
  label: string;
  counts?: C;
}

export abstract class SeriesWidget<C> extends ChartWidget {
  protected abstract series(report: Report): Series<C> | undefined;
  protected abstract metrics(): SeriesMetric<C>[];
  protected chartType: "line" | "bar" = "line";

  private rows(report: Report): SeriesRow<C>[] {
    const s = this.series(report);
    const width = durationSeconds(s?.span?.bucketWidth);
    return (s?.points ?? []).map((p) => ({ key: isoTime(p.start), label: formatBucket(p.start, width), counts: p.counts }));
  }

  protected override chart(report: Report): ChartSpec | undefined {
    const rows = this.rows(report);
    if (rows.length === 0) return undefined;
    return {
      type: this.chartType,
      stacked: this.chartType === "bar",
      labels: rows.map((r) => r.label),
      datasets: this.metrics().map((m) => ({ label: m.label, data: rows.map((r) => (r.counts ? Number(m.pick(r.counts)) : 0)) })),
    };
  }

  protected override table(report: Report): TemplateResult {
    return renderTable<SeriesRow<C>>({
      caption: this.info.heading,
      keyLabel: "Time",
      rows: this.rows(report),
      key: (r) => r.key,
      keyText: (r) => r.label,
      columns: this.metrics().map((m) => ({ label: m.label, metric: m.metric, value: (r) => (r.counts ? m.pick(r.counts) : 0n) })),
      empty: "No data in this window",
    });
  }
}
