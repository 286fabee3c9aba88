// Entry point of campaign-widgets.js: defines every custom element. A host page needs only
//   <script type="module" src="https://gateway/widgets/campaign-widgets.js"></script>
// and then e.g. <cg-dashboard campaign="…" token="…"></cg-dashboard>.
import { define } from "./define";
import { CgDashboard } from "./layout/dashboard";
import { CgTab } from "./layout/tab";
import { activeStreams } from "./client/report-stream";
import { CgChart } from "./widgets/chart";
import { WIDGETS } from "./widgets/catalog";

define("cg-chart", CgChart);
for (const w of WIDGETS) define(w.tag, w);
define("cg-tab", CgTab);
define("cg-dashboard", CgDashboard);

// A diagnostic hook for browser tests (how many WatchReport streams are open, and shared by how
// many widgets). Set by the first copy of the bundle only: its elements are the ones defined.
const g = globalThis as { campaignWidgets?: unknown };
g.campaignWidgets ??= { activeStreams, widgets: WIDGETS.map((w) => ({ id: w.widgetId, tag: w.tag, tab: w.tab })) };

export { activeStreams, WIDGETS };
export { layoutKey } from "./layout/layout-store";
export { tenantOf, type TokenProvider } from "./client/token";
