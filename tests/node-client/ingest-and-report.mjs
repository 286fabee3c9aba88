#!/usr/bin/env node
// Example client in another language: Node.js talking to CampaignGrains over the published gRPC API
// (protos/campaigngrains/v1). It sends one batch of four events to IngestService.Ingest, reads the
// campaign's Email tab from ReportService.GetEmailTab (all time), and prints one line of JSON:
//
//   {"ingest": <IngestResponse>, "emailTab": <EmailTab>}
//
// Usage (from the repository root, after `npm ci`):
//
//   node tests/node-client/ingest-and-report.mjs --address 127.0.0.1:5000 --token "$TOKEN" --campaign spring-sale [--key my-batch-1] [--time 2026-03-01T12:00:00Z]
//
// --time stamps the events (default: one minute ago by this machine's clock). A caller whose cluster runs on
// another clock, such as a test fixture's, passes that clock's time, so both sides agree on what "now" is.
//
// Exit codes: 0 success; 1 a gRPC call failed (its code and details go to stderr); 2 bad arguments.
// Plain JavaScript, no build step: the .proto files are loaded at run time with @grpc/proto-loader.

import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// grpc-js and proto-loader are CommonJS packages; createRequire loads them from the repo's node_modules.
const require = createRequire(import.meta.url);
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

// --- Command line -------------------------------------------------------------------------------
const usage =
  'usage: node ingest-and-report.mjs --address host:port --token JWT --campaign CAMPAIGN [--key IDEMPOTENCY_KEY] [--time ISO-8601]';
let args;
try {
  ({ values: args } = parseArgs({
    options: {
      address: { type: 'string' },
      token: { type: 'string' },
      campaign: { type: 'string' },
      key: { type: 'string', default: `node-${Date.now()}` },
      time: { type: 'string' },
    },
  }));
} catch (err) {
  console.error(`${err.message}\n${usage}`);
  process.exit(2);
}
for (const name of ['address', 'token', 'campaign']) {
  if (!args[name]) {
    console.error(`missing --${name}\n${usage}`);
    process.exit(2);
  }
}
const eventTime = args.time === undefined ? Date.now() - 60_000 : Date.parse(args.time);
if (Number.isNaN(eventTime)) {
  console.error(`--time is not an ISO-8601 time: ${args.time}\n${usage}`);
  process.exit(2);
}

// --- Load the published protos ------------------------------------------------------------------
// Import paths in the protos are relative to the repo's protos/ directory ("campaigngrains/v1/...").
// google/protobuf/timestamp.proto and duration.proto need no directory of their own: protobufjs,
// which proto-loader uses, ships those well-known types built in.
const protosDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../protos');
const packageDefinition = protoLoader.loadSync(
  ['campaigngrains/v1/events.proto', 'campaigngrains/v1/ingest.proto', 'campaigngrains/v1/report.proto'],
  {
    keepCase: true, // field names exactly as in the .proto (idempotency_key, campaign_id, ...), in and out
    longs: String, // int64 values (counts, Timestamp.seconds) come back as decimal strings: no precision loss
    enums: String, // enums by name, e.g. 'CHANNEL_EMAIL', both when sending and in responses
    defaults: true, // responses include fields left at their default (0, "", unset messages as null)
    // No real oneofs in these protos; `true` would only add a "_field" marker for every proto3
    // `optional` rate that is set (EmailRates, PushRates). An absent rate stays absent either way.
    oneofs: false,
    includeDirs: [protosDir],
  },
);
const v1 = grpc.loadPackageDefinition(packageDefinition).campaigngrains.v1;

// --- Connect ------------------------------------------------------------------------------------
// Plain-text HTTP/2 (h2c): insecure channel credentials, no TLS.
const credentials = grpc.credentials.createInsecure();
const ingestClient = new v1.IngestService(args.address, credentials);
const reportClient = new v1.ReportService(args.address, credentials);

// Every call carries the caller's bearer token; the tenant is the token's, never the request's.
function authMetadata() {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${args.token}`);
  return metadata;
}

// One unary call as a promise, with a 30 s deadline.
function call(client, method, request) {
  return new Promise((resolvePromise, reject) => {
    client[method](request, authMetadata(), { deadline: Date.now() + 30_000 }, (err, response) =>
      err ? reject(err) : resolvePromise(response),
    );
  });
}

// google.protobuf.Timestamp as {seconds, nanos}.
function timestamp(ms) {
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

// --- The batch ----------------------------------------------------------------------------------
const time = timestamp(eventTime);
const emailProfile = `profile-${randomUUID()}`;
const pushProfile = `profile-${randomUUID()}`;
const event = (fields) => ({ event_id: `evt-${randomUUID()}`, campaign_id: args.campaign, time, ...fields });

const ingestRequest = {
  idempotency_key: args.key,
  events: [
    event({ channel: 'CHANNEL_EMAIL', kind: 'EVENT_KIND_SENT', profile_id: emailProfile, domain: 'example.org' }),
    event({ channel: 'CHANNEL_EMAIL', kind: 'EVENT_KIND_DELIVERED', profile_id: emailProfile, domain: 'example.org' }),
    event({ channel: 'CHANNEL_EMAIL', kind: 'EVENT_KIND_OPENED', profile_id: emailProfile, domain: 'example.org' }),
    event({ channel: 'CHANNEL_PUSH', kind: 'EVENT_KIND_SENT', profile_id: pushProfile, platform: 'android' }),
  ],
};

// --- Run ----------------------------------------------------------------------------------------
try {
  const ingest = await call(ingestClient, 'Ingest', ingestRequest);
  const emailTab = await call(reportClient, 'GetEmailTab', {
    campaign_id: args.campaign,
    window: 'WINDOW_ALL_TIME',
  });
  console.log(JSON.stringify({ ingest, emailTab }));
  process.exitCode = 0;
} catch (err) {
  // gRPC errors carry a numeric status code and a details string.
  const codeName = Object.keys(grpc.status).find((name) => grpc.status[name] === err.code);
  console.error(JSON.stringify({ code: err.code, codeName, details: err.details ?? err.message }));
  process.exitCode = 1;
} finally {
  ingestClient.close();
  reportClient.close();
}
