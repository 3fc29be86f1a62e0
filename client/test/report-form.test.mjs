// The parts of the report form script that must match the server exactly, outside a browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanFileName, cleanValue } from "../src/report-form.js";

test("values are trimmed as .NET string.Trim does, with CRLF as LF", () => {
  assert.equal(cleanValue("  a\r\nb \t"), "a\nb");
  assert.equal(cleanValue("\u0085x\u3000"), "x");
  assert.equal(cleanValue("\uFEFFx\uFEFF"), "\uFEFFx\uFEFF");
  assert.equal(cleanValue(" \n "), "");
});

test("file names are cleaned as the server cleans them", () => {
  assert.equal(cleanFileName("C:\\Users\\anna\\minutes.pdf"), "minutes.pdf");
  assert.equal(cleanFileName("dir/sub/a\u0001b.txt "), "ab.txt");
  assert.equal(cleanFileName("x".repeat(250)).length, 200);
  assert.equal(cleanFileName(""), "");
});

test("a file is checked against the form's limits the moment it is chosen", async () => {
  const { checkFiles, formatSize } = await import("../src/chosen-files.js");
  const limits = { maxFile: 1000, maxTotal: 1500, maxFiles: 2 };
  assert.deepEqual(checkFiles([{ size: 10 }, { size: 1001 }], limits), { tooLarge: [1], totalTooLarge: false, tooMany: false });
  assert.deepEqual(checkFiles([{ size: 900 }, { size: 900 }, { size: 1 }], limits), { tooLarge: [], totalTooLarge: true, tooMany: true });
  assert.equal(formatSize(1_200_000, "sv"), "1,2 MB");
  assert.equal(formatSize(1_200_000, "en"), "1.2 MB");
});
