// <cg-dashboard>: a grid of report widgets the user arranges: resize (S/M/L), remove, add back
// and reset. The arrangement is saved per tenant and campaign (see layout-store.ts).
import { css, html, type PropertyDeclarations, type PropertyValues } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { tenantOf } from "../client/token";
import { widgetById, WIDGETS } from "../widgets/catalog";
import type { Size } from "../widgets/report-widget";
import { clearLayout, defaultLayout, layoutKey, loadLayout, saveLayout, type LayoutItem } from "./layout-store";
import { layoutStyles, WidgetHost } from "./widget-host";
import { windowSwitch } from "./window-switch";

const SIZES: { size: Size; label: string; title: string }[] = [
  { size: "s", label: "S", title: "Small" },
  { size: "m", label: "M", title: "Medium" },
  { size: "l", label: "L", title: "Large" },
];

/** Used when the token carries no tenant claim (e.g. a single-tenant development token). */
const NO_TENANT = "default";

export class CgDashboard extends WidgetHost {
  static override styles = [
    layoutStyles,
    // The add menu drops down over the grid instead of pushing it.
    css`
      .add-menu { position: relative; }
      .add-menu ul { position: absolute; z-index: 10; right: 0; margin: 4px 0 0; padding: 4px; list-style: none; min-width: 220px;
        background: var(--cg-bg, #fff); border: 1px solid var(--cg-border, #dde2e8); border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.12); }
      .add-menu li button { width: 100%; text-align: left; border: 0; }
      .add-menu[aria-disabled="true"] summary { opacity: .5; cursor: default; }
      .tools { display: flex; justify-content: flex-end; gap: 4px; margin-bottom: 4px; }
      .tools button { padding: 0 6px; font-size: 0.8em; }
    `,
  ];
  static override properties: PropertyDeclarations = { items: { state: true }, storageKey: { state: true } };

  private items: LayoutItem[] = defaultLayout();
  /** Unknown until the token has been read; nothing is saved before then. */
  private storageKey?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("campaign") || changed.has("token") || changed.has("tokenProvider")) void this.resolveKey();
  }

  // The tenant comes from the token (attribute or callback), so the key may only be known after
  // the host's token callback has answered.
  private async resolveKey(): Promise<void> {
    let token: string | undefined;
    try {
      token = (this.tokenProvider ? await this.tokenProvider() : this.token) || undefined;
    } catch {
      return; // the widgets show the token problem; the layout stays unsaved
    }
    if (!this.campaign) return;
    const key = layoutKey(tenantOf(token) ?? NO_TENANT, this.campaign);
    if (key === this.storageKey) return;
    this.storageKey = key;
    this.items = loadLayout(key) ?? defaultLayout();
  }

  /** Ids of widgets not on the dashboard: the add menu lists them. */
  get removedWidgets(): string[] {
    const shown = new Set(this.items.map((i) => i.id));
    return WIDGETS.filter((w) => !shown.has(w.widgetId)).map((w) => w.widgetId);
  }

  get layout(): readonly LayoutItem[] {
    return this.items;
  }

  private change(items: LayoutItem[]): void {
    this.items = items;
    if (this.storageKey) saveLayout(this.storageKey, items);
    this.dispatchEvent(new CustomEvent("cg-layout-change", { detail: { items }, bubbles: true, composed: true }));
  }

  resizeWidget(id: string, size: Size): void {
    this.change(this.items.map((i) => (i.id === id ? { ...i, size } : i)));
  }

  removeWidget(id: string): void {
    this.change(this.items.filter((i) => i.id !== id));
  }

  addWidget(id: string): void {
    const w = widgetById(id);
    if (!w || this.items.some((i) => i.id === id)) return;
    this.change([...this.items, { id, size: w.defaultSize }]);
    this.renderRoot.querySelector("details")?.removeAttribute("open");
  }

  resetLayout(): void {
    this.items = defaultLayout();
    if (this.storageKey) clearLayout(this.storageKey);
    this.dispatchEvent(new CustomEvent("cg-layout-change", { detail: { items: this.items }, bubbles: true, composed: true }));
  }

  override render() {
    const removed = this.removedWidgets.map((id) => widgetById(id)!);
    return html`<div part="toolbar" class="bar">
        ${windowSwitch(this.window, (w) => this.setWindow(w))}
        <span class="spacer"></span>
        <details part="add-menu" class="add-menu" aria-disabled=${removed.length === 0}>
          <summary part="add-button" data-action="open-add-menu" @click=${(e: Event) => removed.length === 0 && e.preventDefault()}>
            Add widget (${removed.length})
          </summary>
          <ul role="menu">
            ${removed.map(
              (w) => html`<li><button role="menuitem" data-action="add" data-add=${w.widgetId} @click=${() => this.addWidget(w.widgetId)}>${w.heading}</button></li>`,
            )}
          </ul>
        </details>
        <button part="reset-button" data-action="reset" @click=${() => this.resetLayout()}>Reset layout</button>
      </div>
      <div part="grid" class="grid">
        ${repeat(
          this.items,
          (i) => i.id,
          (i) => {
            const w = widgetById(i.id)!;
            return html`<div part="cell" class="cell" data-slot=${i.id} data-size=${i.size}>
              <div part="cell-tools" class="tools">
                ${SIZES.map(
                  (s) => html`<button data-action="size" data-size=${s.size} aria-pressed=${i.size === s.size} title="${s.title} width" aria-label="${s.title} width: ${w.heading}"
                    @click=${() => this.resizeWidget(i.id, s.size)}>${s.label}</button>`,
                )}
                <button data-action="remove" title="Remove" aria-label="Remove ${w.heading}" @click=${() => this.removeWidget(i.id)}>×</button>
              </div>
              ${this.widget(w)}
            </div>`;
          },
        )}
      </div>`;
  }
}
