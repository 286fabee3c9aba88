// Shared by cg-tab and cg-dashboard: host attributes passed down to the widgets they lay out,
// and the markup of one widget element.
import { css, LitElement, nothing, type PropertyDeclarations } from "lit";
import { html as staticHtml, unsafeStatic } from "lit/static-html.js";
import type { WindowName } from "../client/report-stream";
import type { TokenProvider } from "../client/token";
import type { WidgetClass } from "../widgets/catalog";

// Inner parts of each widget re-exported through the layout's shadow root, so a host page can
// write e.g. `cg-dashboard::part(title)` as it would for a standalone widget.
const EXPORTED_PARTS = "widget, header, title, status, toggle, chart, table-wrap, table, note, tiles, tile, tile-label, tile-value, tile-rate";

export abstract class WidgetHost extends LitElement {
  static override properties: PropertyDeclarations = {
    campaign: { type: String },
    window: { type: String, reflect: true },
    baseUrl: { type: String, attribute: "base-url" },
    token: { type: String },
    tokenProvider: { attribute: false },
  };

  campaign = "";
  window: WindowName = "last24h";
  baseUrl = "";
  token = "";
  tokenProvider?: TokenProvider;

  protected setWindow(w: WindowName): void {
    if (w === this.window) return;
    this.window = w;
    this.dispatchEvent(new CustomEvent("cg-window-change", { detail: { window: w }, bubbles: true, composed: true }));
  }

  protected widget(cls: WidgetClass) {
    const tag = unsafeStatic(cls.tag);
    return staticHtml`<${tag} part="widget-element" exportparts=${EXPORTED_PARTS}
      campaign=${this.campaign} window=${this.window} base-url=${this.baseUrl || nothing} token=${this.token || nothing}
      .tokenProvider=${this.tokenProvider}></${tag}>`;
  }
}

export const layoutStyles = css`
  :host {
    display: block;
    font-family: var(--cg-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
    font-size: var(--cg-font-size, 14px);
    color: var(--cg-fg, #1f2933);
  }
  .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-bottom: 12px; }
  .spacer { flex: 1; }
  button, summary {
    font: inherit; color: inherit; background: var(--cg-bg, #fff); cursor: pointer;
    border: 1px solid var(--cg-border, #dde2e8); border-radius: 4px; padding: 4px 10px;
  }
  button[aria-pressed="true"], button[aria-selected="true"] {
    background: var(--cg-accent, #2f6fec); border-color: var(--cg-accent, #2f6fec); color: var(--cg-on-accent, #fff);
  }
  .segmented { display: inline-flex; gap: 0; }
  .segmented button { border-radius: 0; }
  .segmented button:first-child { border-radius: 4px 0 0 4px; }
  .segmented button:last-child { border-radius: 0 4px 4px 0; }
  .grid { display: grid; grid-template-columns: repeat(12, minmax(0, 1fr)); gap: var(--cg-gap, 12px); }
  .cell { grid-column: span 6; min-width: 0; display: flex; flex-direction: column; }
  .cell[data-size="s"] { grid-column: span 4; }
  .cell[data-size="l"] { grid-column: span 12; }
  .cell > :last-child { flex: 1; }
  /* Narrow hosts: one widget per row whatever its size. */
  @media (max-width: 720px) { .cell, .cell[data-size] { grid-column: span 12; } }
`;
