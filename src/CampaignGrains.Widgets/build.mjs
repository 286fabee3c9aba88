// Bundles src/index.ts into one minified ES module with its source map and prints its size.
// The budget is 150 KB gzip for everything the host page loads; the build fails above it
// so a heavy dependency cannot slip in unnoticed.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, join, relative } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const outfile = join(here, "dist", "campaign-widgets.js");
const budgetGzip = 150 * 1024;

const result = await build({
  entryPoints: [join(here, "src", "index.ts")],
  tsconfig: join(here, "tsconfig.json"),
  outfile,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  sourcemap: true,
  legalComments: "eof",
  metafile: true,
  logLevel: "warning",
});

const code = readFileSync(outfile);
const gzip = gzipSync(code, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// The largest inputs, so a size regression points at its cause.
const byPackage = new Map();
for (const [path, info] of Object.entries(result.metafile.outputs[relative(process.cwd(), outfile)]?.inputs ?? {})) {
  const m = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  const name = m ? m[1] : "(widgets)";
  byPackage.set(name, (byPackage.get(name) ?? 0) + info.bytesInOutput);
}
for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${name.padEnd(28)} ${kb(bytes).padStart(9)} (minified, before gzip)`);
}
console.log(`${relative(process.cwd(), outfile)}: ${kb(code.length)} raw, ${kb(gzip)} gzip (${code.length} / ${gzip} bytes; budget ${kb(budgetGzip)} gzip)`);
if (gzip > budgetGzip) {
  console.error("Bundle is over the 150 KB gzip budget.");
  process.exit(1);
}
