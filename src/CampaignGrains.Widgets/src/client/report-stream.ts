// One WatchReport stream per (base URL, campaign, window) on the page, shared by every widget
// that shows it: the server pushes a snapshot of all three tabs whenever the campaign changes,
// and each widget picks its part. The stream opens with its first subscriber and is aborted when
// the last one leaves, so removed widgets leave no open connection behind.
import { Tab, Window, type Report } from "../gen/campaigngrains/v1/report_pb";
import { describeError, retryDelay, type Problem } from "./errors";
import { createReportClient, type ReportClient } from "./report-client";

export type WindowName = "last24h" | "alltime";

export function toWindow(name: string): Window {
  return name === "alltime" ? Window.ALL_TIME : Window.LAST_24H;
}

export interface StreamState {
  /** The latest snapshot; kept while reconnecting so the widget shows stale numbers, not nothing. */
  report?: Report;
  problem?: Problem;
}

export interface Subscriber {
  onState(state: StreamState): void;
  token(): Promise<string | undefined>;
}

class ReportStream {
  readonly subscribers = new Set<Subscriber>();
  private state: StreamState = {};
  private abort?: AbortController;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private closeTimer?: ReturnType<typeof setTimeout>;
  private attempt = 0;
  private readonly client: ReportClient;

  constructor(
    readonly key: string,
    baseUrl: string,
    private readonly campaign: string,
    private readonly window: Window,
  ) {
    this.client = createReportClient(baseUrl, () => this.token());
  }

  add(sub: Subscriber): void {
    clearTimeout(this.closeTimer);
    this.subscribers.add(sub);
    sub.onState(this.state);
    if (!this.abort && this.retryTimer === undefined) void this.run();
  }

  remove(sub: Subscriber): void {
    this.subscribers.delete(sub);
    if (this.subscribers.size > 0) return;
    // Deferred: moving an element in the DOM disconnects and reconnects it synchronously, and a
    // re-render that moves widgets should not tear down and reopen the stream.
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), 0);
  }

  /** The host gave a new token: retry now instead of waiting out the backoff (or forever). */
  retryNow(): void {
    if (this.abort || this.subscribers.size === 0 || !this.state.problem) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.attempt = 0;
    void this.run();
  }

  private close(): void {
    if (this.subscribers.size > 0) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.abort?.abort();
    this.abort = undefined;
    streams.delete(this.key);
  }

  // Any subscriber's token will do: they all show the same campaign for the same host.
  private async token(): Promise<string | undefined> {
    for (const sub of this.subscribers) {
      const t = await sub.token();
      if (t) return t;
    }
    return undefined;
  }

  private async run(): Promise<void> {
    this.retryTimer = undefined;
    const abort = new AbortController();
    this.abort = abort;
    try {
      const request = { campaignId: this.campaign, window: this.window, tabs: [Tab.CAMPAIGN, Tab.EMAIL, Tab.PUSH] };
      for await (const report of this.client.watchReport(request, { signal: abort.signal })) {
        this.attempt = 0;
        this.publish({ report });
      }
      // The server ended the stream (e.g. the gateway is shutting down): reopen shortly.
      if (!abort.signal.aborted) this.schedule(1000);
    } catch (err) {
      if (abort.signal.aborted) return;
      const problem = describeError(err);
      // Data the token may no longer read is dropped; otherwise the last numbers stay, marked stale.
      const keep = problem.kind !== "unauthenticated" && problem.kind !== "permission-denied" && problem.kind !== "not-found";
      this.publish({ report: keep ? this.state.report : undefined, problem });
      const delay = retryDelay(problem, this.attempt++);
      if (delay !== undefined) this.schedule(delay);
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  private schedule(ms: number): void {
    if (this.subscribers.size === 0) return;
    this.retryTimer = setTimeout(() => void this.run(), ms);
  }

  private publish(state: StreamState): void {
    this.state = state;
    for (const sub of this.subscribers) sub.onState(state);
  }
}

const streams = new Map<string, ReportStream>();

export interface StreamHandle {
  unsubscribe(): void;
  retryNow(): void;
}

export function subscribe(baseUrl: string, campaign: string, window: WindowName, sub: Subscriber): StreamHandle {
  const w = toWindow(window);
  const key = `${baseUrl}|${campaign}|${Window[w]}`;
  let stream = streams.get(key);
  if (!stream) {
    stream = new ReportStream(key, baseUrl, campaign, w);
    streams.set(key, stream);
  }
  const s = stream;
  s.add(sub);
  return { unsubscribe: () => s.remove(sub), retryNow: () => s.retryNow() };
}

/** The open streams and how many widgets share each: for tests and debugging. */
export function activeStreams(): { key: string; subscribers: number }[] {
  return [...streams.values()].map((s) => ({ key: s.key, subscribers: s.subscribers.size }));
}
