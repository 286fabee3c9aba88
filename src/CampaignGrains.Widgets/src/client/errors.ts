// Turns a failed WatchReport call into a state that tells the reader what is wrong, and decides
// whether retrying can help.
import { Code, ConnectError } from "@connectrpc/connect";

export type ProblemKind =
  | "no-campaign"
  | "not-found"
  | "unauthenticated"
  | "permission-denied"
  | "unreachable"
  | "invalid"
  | "error";

export interface Problem {
  kind: ProblemKind;
  /** Shown to the reader. */
  message: string;
  /** The server's or browser's own words, for the title tooltip and bug reports. */
  detail?: string;
}

export function describeError(err: unknown): Problem {
  const e = ConnectError.from(err);
  const detail = `${Code[e.code] ?? e.code}: ${e.rawMessage}`;
  switch (e.code) {
    case Code.NotFound:
      // The API answers NOT_FOUND both for a campaign with no events yet and for an unknown
      // campaign (or one of another tenant), so the message cannot tell them apart.
      return { kind: "not-found", message: "Campaign not found or no data yet", detail };
    case Code.Unauthenticated:
      return { kind: "unauthenticated", message: "Token expired or invalid", detail };
    case Code.PermissionDenied:
      return { kind: "permission-denied", message: "Not allowed to read this report (needs scope reports:read)", detail };
    case Code.InvalidArgument:
      return { kind: "invalid", message: `Invalid campaign or window: ${e.rawMessage}`, detail };
    case Code.Unavailable:
    case Code.DeadlineExceeded:
      return { kind: "unreachable", message: "Cluster unreachable", detail };
    case Code.Unknown:
      // fetch() rejects with a TypeError when the network or CORS fails: no response at all.
      if (e.cause instanceof TypeError) return { kind: "unreachable", message: "Cluster unreachable", detail };
      break;
  }
  return { kind: "error", message: `Report failed (${Code[e.code] ?? e.code})`, detail };
}

/**
 * Milliseconds until the next attempt, or undefined to wait for the host (a new token).
 * Unreachable backs off exponentially (1 s … 30 s, with jitter so many pages do not reconnect in
 * step); not-found polls slowly because the campaign's first events may still arrive.
 */
export function retryDelay(problem: Problem, attempt: number): number | undefined {
  switch (problem.kind) {
    case "unauthenticated":
    case "permission-denied":
    case "invalid":
    case "no-campaign":
      return undefined;
    case "not-found":
      return 10_000;
    default: {
      const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
      return base / 2 + Math.random() * (base / 2);
    }
  }
}
