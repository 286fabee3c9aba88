// The one place that builds the gRPC-Web client for ReportService.
import { createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { ReportService } from "../gen/campaigngrains/v1/report_pb";

export type ReportClient = Client<typeof ReportService>;

/**
 * The token is asked for on every call (not captured once), so a host that refreshes its token
 * through the callback is honoured on the next reconnect.
 */
export function createReportClient(baseUrl: string, token: () => Promise<string | undefined>): ReportClient {
  const auth: Interceptor = (next) => async (req) => {
    const t = await token();
    if (t) req.header.set("authorization", `Bearer ${t}`);
    return next(req);
  };
  const transport = createGrpcWebTransport({ baseUrl, interceptors: [auth] });
  return createClient(ReportService, transport);
}

/** Where the bundle was served from: the gateway, which also serves gRPC-Web. */
export function defaultBaseUrl(): string {
  try {
    return new URL(import.meta.url).origin;
  } catch {
    return location.origin;
  }
}
