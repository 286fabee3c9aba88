// The dashboard layout (which widgets, in which order, at which size), saved per user in
// localStorage under a key namespaced by tenant and campaign, so two tenants or two campaigns
// in one browser never share a layout.
import type { Size } from "../widgets/report-widget";
import { WIDGETS } from "../widgets/catalog";

export interface LayoutItem {
  id: string;
  size: Size;
}

const SIZES: readonly Size[] = ["s", "m", "l"];
const VERSION = 1;

export function layoutKey(tenant: string, campaign: string): string {
  return `campaigngrains:layout:${tenant}:${campaign}`;
}

export function defaultLayout(): LayoutItem[] {
  return WIDGETS.map((w) => ({ id: w.widgetId, size: w.defaultSize }));
}

/** The saved layout, or undefined when none is saved or it cannot be read (then use the default). */
export function loadLayout(key: string): LayoutItem[] | undefined {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return undefined;
    const saved = JSON.parse(raw) as { version?: unknown; items?: unknown };
    if (saved.version !== VERSION || !Array.isArray(saved.items)) return undefined;
    // Drop what this version does not know (a widget removed from a later bundle, a bad size).
    const known = new Set(WIDGETS.map((w) => w.widgetId));
    const seen = new Set<string>();
    const items: LayoutItem[] = [];
    for (const item of saved.items as Partial<LayoutItem>[]) {
      if (typeof item?.id !== "string" || !known.has(item.id) || seen.has(item.id)) continue;
      seen.add(item.id);
      items.push({ id: item.id, size: SIZES.includes(item.size as Size) ? (item.size as Size) : "m" });
    }
    return items;
  } catch {
    return undefined;
  }
}

// Storage can be full or blocked (private mode, sandboxed iframes): the layout then lasts
// for the page's lifetime only, which is better than a broken dashboard.
export function saveLayout(key: string, items: LayoutItem[]): void {
  try {
    localStorage.setItem(key, JSON.stringify({ version: VERSION, items }));
  } catch {
    /* not persisted */
  }
}

export function clearLayout(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    /* nothing to clear */
  }
}
