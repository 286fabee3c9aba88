// Regenerates the TypeScript from protos/ into a temp dir and compares it with the committed
// src/gen: a .proto change without `npm run widgets:generate` fails here.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const committed = join(here, "src", "gen");
const temp = mkdtempSync(join(tmpdir(), "cg-widgets-gen-"));

function files(root) {
  const out = new Map();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(root, path), readFileSync(path, "utf8"));
    }
  };
  try { walk(root); } catch (e) { if (e.code !== "ENOENT") throw e; }
  return out;
}

try {
  // --output re-roots the template's `out: src/gen` under the temp dir.
  execFileSync("buf", ["generate", "--output", temp], { cwd: here, stdio: "inherit" });
  const fresh = files(join(temp, "src", "gen"));
  const current = files(committed);
  const problems = [];
  for (const [path, text] of fresh) {
    if (!current.has(path)) problems.push(`missing in src/gen: ${path}`);
    else if (current.get(path) !== text) problems.push(`differs from a fresh generation: src/gen/${path}`);
  }
  for (const path of current.keys()) if (!fresh.has(path)) problems.push(`not generated from protos/: src/gen/${path}`);
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    console.error("src/gen is stale: run `npm run widgets:generate` and commit the result.");
    process.exitCode = 1;
  } else {
    console.log(`src/gen is up to date (${fresh.size} files).`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
