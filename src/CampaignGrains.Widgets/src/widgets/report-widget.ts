// Base of every widget: the host attributes, the subscription to the page's shared report
// stream, and the loading / error states. Subclasses only turn a Report into markup.
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { subscribe, type StreamHandle, type StreamState, type WindowName } from "../client/report-stream";
import { defaultBaseUrl } from "../client/report-client";
import type { TokenProvider } from "../client/token";
import type { Report } from "../gen/campaigngrains/v1/report_pb";
import { widgetStyles } from "./styles";

export type TabName = "campaign" | "email" | "push";
export type Size = "s" | "m" | "l";

export abstract class ReportWidget extends LitElement {
  // Catalogue data, read by the tab and dashboard layouts; one source of truth per widget.
  static tag: string;
  static widgetId: string;
  static heading: string;
  static tab: TabName;
  static defaultSize: Size = "m";

  static override styles = widgetStyles;
  static override properties: PropertyDeclarations = {
    campaign: { type: String },
    window: { type: String },
    baseUrl: { type: String, attribute: "base-url" },
    token: { type: String },
    tokenProvider: { attribute: false },
    state: { state: true },
  };

  campaign = "";
  window: WindowName = "last24h";
  baseUrl = "";
  token = "";
  /** Preferred over `token` when set: called on every (re)connect so the host can refresh. */
  tokenProvider?: TokenProvider;
  protected state: StreamState = {};

  private handle?: StreamHandle;
  private streamKey?: string;

  protected get info(): typeof ReportWidget {
    return this.constructor as typeof ReportWidget;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A stable hook for tests and host CSS, whatever layout the widget sits in.
    if (!this.hasAttribute("data-widget")) this.setAttribute("data-widget", this.info.widgetId);
    this.syncSubscription();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.handle?.unsubscribe();
    this.handle = undefined;
    this.streamKey = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("campaign") || changed.has("window") || changed.has("baseUrl")) this.syncSubscription();
    if (changed.has("token") || changed.has("tokenProvider")) this.handle?.retryNow();
  }

  protected override updated(): void {
    // data-state on the host: "loading", "ready", or the problem kind (e.g. "unauthenticated").
    const { report, problem } = this.state;
    this.dataset.state = problem && !report ? problem.kind : report ? "ready" : "loading";
  }

  private syncSubscription(): void {
    if (!this.isConnected) return;
    const baseUrl = this.baseUrl || defaultBaseUrl();
    const win: WindowName = this.window === "alltime" ? "alltime" : "last24h";
    const key = `${baseUrl}|${this.campaign}|${win}`;
    if (key === this.streamKey) return;
    this.handle?.unsubscribe();
    this.handle = undefined;
    this.streamKey = key;
    if (!this.campaign) {
      this.state = { problem: { kind: "no-campaign", message: "No campaign set (attribute campaign)" } };
      return;
    }
    this.state = {};
    this.handle = subscribe(baseUrl, this.campaign, win, {
      onState: (s) => (this.state = s),
      token: async () => (this.tokenProvider ? await this.tokenProvider() : this.token) || undefined,
    });
  }

  /** The widget's content for a snapshot. */
  protected abstract renderReport(report: Report): TemplateResult | typeof nothing;

  /** Buttons in the header (the chart ⇄ table toggle). */
  protected renderActions(): TemplateResult | typeof nothing {
    return nothing;
  }

  override render(): TemplateResult {
    const { report, problem } = this.state;
    return html`<section part="widget" aria-label=${this.info.heading}>
      <header part="header"><h3 part="title">${this.info.heading}</h3>${report ? this.renderActions() : nothing}</header>
      ${problem
        ? html`<div part="status" class="status ${report ? "banner" : ""}" role="alert" data-kind=${problem.kind} title=${problem.detail ?? ""}>
            ${problem.message}${report ? " – showing the last numbers received" : ""}
          </div>`
        : report
          ? nothing
          : html`<div part="status" class="status">Loading…</div>`}
      ${report ? this.renderReport(report) : nothing}
    </section>`;
  }
}
