// Number and time formatting in the host page's language, so the widgets read like the page
// around them (document <html lang>, else the browser's language).
import type { Duration, Timestamp } from "@bufbuild/protobuf/wkt";
import { timestampDate } from "@bufbuild/protobuf/wkt";

/** Shown for a rate whose denominator is zero: the API leaves it absent, which is not 0 %. */
export const ABSENT = "–";

export function pageLocale(): string {
  return document.documentElement.lang || navigator.language || "en";
}

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

// A bad lang attribute (e.g. "english") makes Intl throw; fall back rather than break the page.
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, make: (locale: string) => T): T {
  const locale = pageLocale();
  const key = `${kind}|${locale}`;
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    try {
      f = make(locale);
    } catch {
      f = make("en");
    }
    formatters.set(key, f);
  }
  return f;
}

/** int64 counts arrive as bigint; Intl formats bigint exactly. */
export function formatCount(value: bigint | number): string {
  return cached("count", (l) => new Intl.NumberFormat(l, { maximumFractionDigits: 0 })).format(value);
}

/** Rates travel as fractions (0.93) and are shown as percentages; absent stays absent. */
export function formatRate(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return ABSENT;
  return cached("rate", (l) => new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 1 })).format(value);
}

/** part / whole, or absent when whole is zero (never 0 and never NaN). */
export function share(part: bigint, whole: bigint): number | undefined {
  return whole === 0n ? undefined : Number(part) / Number(whole);
}

/** The raw value for a data-value attribute: exact integers, full-precision fractions, "" when absent. */
export function rawValue(value: bigint | number | undefined): string {
  return value === undefined ? "" : String(value);
}

export function durationSeconds(d: Duration | undefined): number {
  return d ? Number(d.seconds) + d.nanos / 1e9 : 0;
}

/**
 * A chart bucket's label: clock time for sub-day buckets (the live window's five minutes),
 * the UTC date for daily buckets (all time is bucketed by UTC day).
 */
export function formatBucket(start: Timestamp | undefined, bucketSeconds: number): string {
  if (!start) return "";
  const date = timestampDate(start);
  if (bucketSeconds >= 86400) {
    return cached("day", (l) => new Intl.DateTimeFormat(l, { dateStyle: "medium", timeZone: "UTC" })).format(date);
  }
  return cached("time", (l) => new Intl.DateTimeFormat(l, { hour: "2-digit", minute: "2-digit" })).format(date);
}

export function isoTime(start: Timestamp | undefined): string {
  return start ? timestampDate(start).toISOString() : "";
}
