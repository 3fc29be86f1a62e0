// The mailbox token module must bundle for the browser: no Node built-ins, no
// eval or Function constructor (the reporting page runs under a strict CSP).
// Run from the repository root: node --test client/test/

import assert from "node:assert/strict";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entry = fileURLToPath(new URL("../src/mailbox-token.js", import.meta.url));

it("bundles for the browser without Node built-ins or eval", async () => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  assert.equal(result.errors.length, 0);
  const code = result.outputFiles[0].text;
  assert.doesNotMatch(code, /\brequire\(|from\s+["']node:|\beval\(|new Function\(/);
  for (const name of ["generateToken", "parseToken", "formatToken", "deriveMailboxKeys"]) {
    assert.match(code, new RegExp(`\\b${name}\\b`));
  }
});
