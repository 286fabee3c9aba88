// The Last 24 hrs / All time switch shared by cg-tab and cg-dashboard.
import { html } from "lit";
import type { WindowName } from "../client/report-stream";

const WINDOWS: { value: WindowName; label: string }[] = [
  { value: "last24h", label: "Last 24 hrs" },
  { value: "alltime", label: "All time" },
];

export function windowSwitch(current: string, select: (w: WindowName) => void) {
  const active: WindowName = current === "alltime" ? "alltime" : "last24h";
  return html`<div part="window-switch" class="segmented" role="group" aria-label="Time window">
    ${WINDOWS.map(
      (w) => html`<button part="window-button" data-window=${w.value} aria-pressed=${w.value === active} @click=${() => select(w.value)}>
        ${w.label}
      </button>`,
    )}
  </div>`;
}
