// Bundles the npm age-encryption package for a browser page, as one classic script
// that sets globalThis.age, and writes it to standard output. The Chromium
// interoperability tests (Intake.Tests/Interop) load it into a blank page.
//
//   node age-browser-bundle.mjs > age.js

import process from "node:process";
import { build } from "esbuild";

const result = await build({
  stdin: { contents: 'export * from "age-encryption";', resolveDir: process.cwd(), loader: "js" },
  bundle: true,
  format: "iife",
  globalName: "age",
  target: "es2020",
  legalComments: "none",
  write: false,
});
process.stdout.write(result.outputFiles[0].text);
