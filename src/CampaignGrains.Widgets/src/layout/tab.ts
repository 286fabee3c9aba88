// <cg-tab>: one report tab (Campaign, Email or Push) with its tab bar and window switch.
import { html, type PropertyDeclarations, type PropertyValues } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { TABS, WIDGETS } from "../widgets/catalog";
import type { TabName } from "../widgets/report-widget";
import { layoutStyles, WidgetHost } from "./widget-host";
import { windowSwitch } from "./window-switch";

export class CgTab extends WidgetHost {
  static override styles = layoutStyles;
  static override properties: PropertyDeclarations = { tab: { type: String, reflect: true } };

  tab: TabName = "campaign";

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("tab") && !TABS.some((t) => t.tab === this.tab)) this.tab = "campaign";
  }

  private select(tab: TabName): void {
    if (tab === this.tab) return;
    this.tab = tab;
    this.dispatchEvent(new CustomEvent("cg-tab-change", { detail: { tab }, bubbles: true, composed: true }));
  }

  override render() {
    const widgets = WIDGETS.filter((w) => w.tab === this.tab);
    return html`<div part="toolbar" class="bar">
        <div part="tabs" class="segmented" role="tablist" aria-label="Report tabs">
          ${TABS.map(
            (t) => html`<button part="tab-button" role="tab" data-tab=${t.tab} aria-selected=${t.tab === this.tab} @click=${() => this.select(t.tab)}>
              ${t.label}
            </button>`,
          )}
        </div>
        <span class="spacer"></span>
        ${windowSwitch(this.window, (w) => this.setWindow(w))}
      </div>
      <div part="grid" class="grid" role="tabpanel" data-tab=${this.tab}>
        ${repeat(
          widgets,
          (w) => w.widgetId,
          (w) => html`<div part="cell" class="cell" data-slot=${w.widgetId} data-size=${w.defaultSize}>${this.widget(w)}</div>`,
        )}
      </div>`;
  }
}
