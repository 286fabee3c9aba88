// Push tab: every push metric per platform (ios, android, web, or whatever a producer sends).
import type { TemplateResult } from "lit";
import type { PushCounts, Report } from "../gen/campaigngrains/v1/report_pb";
import type { ChartSpec } from "./chart";
import { ChartWidget } from "./chart-widget";
import { OTHER_KEY } from "./reasons";
import { renderTable } from "./table";

const columns: { metric: string; label: string; pick: (c: PushCounts) => bigint; chart: boolean }[] = [
  { metric: "sent", label: "Sent", pick: (c) => c.sent, chart: true },
  { metric: "delivered", label: "Delivered", pick: (c) => c.delivered, chart: true },
  { metric: "bounces", label: "Bounces", pick: (c) => c.bounces, chart: true },
  { metric: "errors", label: "Errors", pick: (c) => c.errors, chart: true },
  { metric: "excluded", label: "Excluded", pick: (c) => c.excluded, chart: false },
  { metric: "opens", label: "Opens", pick: (c) => c.opens, chart: true },
  { metric: "actions", label: "Actions", pick: (c) => c.actions, chart: true },
  // Engagements = opens + actions: charting it too would double the same events.
  { metric: "engagements", label: "Engagements", pick: (c) => c.engagements, chart: false },
];

interface PlatformRow {
  key: string;
  label: string;
  counts?: PushCounts;
}

function rows(report: Report): PlatformRow[] {
  const b = report.push?.platforms;
  if (!b) return [];
  const r: PlatformRow[] = b.platforms.map((p) => ({ key: p.platform, label: p.platform, counts: p.counts }));
  const o = b.other;
  if (o && columns.some((c) => c.pick(o) > 0n)) r.push({ key: OTHER_KEY, label: "Other", counts: o });
  return r;
}

export class PushPlatforms extends ChartWidget {
  static override tag = "cg-push-platforms";
  static override widgetId = "push-platforms";
  static override heading = "Breakdown by platform";
  static override tab = "push" as const;
  static override defaultSize = "l" as const;

  protected override chart(report: Report): ChartSpec | undefined {
    const r = rows(report);
    if (r.length === 0) return undefined;
    return {
      type: "bar",
      labels: r.map((x) => x.label),
      datasets: columns.filter((c) => c.chart).map((c) => ({ label: c.label, data: r.map((x) => (x.counts ? Number(c.pick(x.counts)) : 0)) })),
    };
  }

  protected override table(report: Report): TemplateResult {
    return renderTable<PlatformRow>({
      caption: this.info.heading,
      keyLabel: "Platform",
      rows: rows(report),
      key: (x) => x.key,
      keyText: (x) => x.label,
      columns: columns.map((c) => ({ label: c.label, metric: c.metric, value: (x) => (x.counts ? c.pick(x.counts) : 0n) })),
      empty: "No push platforms in this window",
    });
  }
}
