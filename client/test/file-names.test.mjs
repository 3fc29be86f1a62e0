// File names that lie about themselves: every vector is cleaned at ingestion and made safe for display and download,
// as SafeFileName does on the server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanFileName, safeFileName } from "../src/sealing.js";
import { describedAttachments } from "../src/mailbox-view.js";

const vectors = [
  ["right-to-left override", "invoice\u202Efdp.exe", "invoicefdp.exe", "invoice_fdp.exe"],
  ["left-to-right override", "a\u202Db.pdf", "ab.pdf", "a_b.pdf"],
  ["right-to-left isolate", "a\u2067b.pdf", "ab.pdf", "a_b.pdf"],
  ["pop directional isolate", "a\u2069b.pdf", "ab.pdf", "a_b.pdf"],
  ["right-to-left mark", "a\u200Fb.pdf", "ab.pdf", "a_b.pdf"],
  ["zero width joiner", "a\u200Db.pdf", "ab.pdf", "a_b.pdf"],
  ["line separator", "a\u2028b.pdf", "ab.pdf", "a_b.pdf"],
  ["paragraph separator", "a\u2029b.pdf", "ab.pdf", "a_b.pdf"],
  ["control", "a\u0007b.pdf", "ab.pdf", "a_b.pdf"],
  ["path", "C:\\Users\\x\\report.pdf", "report.pdf", "C__Users_x_report.pdf"],
  ["plain", "Rapport 2026.pdf", "Rapport 2026.pdf", "Rapport 2026.pdf"],
];

for (const [label, raw, ingested, shown] of vectors) {
  test(`a file name with a ${label} is cleaned at ingestion`, () => {
    assert.equal(cleanFileName(raw), ingested);
  });
  test(`a file name with a ${label} is shown and downloaded safely`, () => {
    assert.equal(safeFileName(raw), shown);
  });
}

test("a sealed document naming a file with an override is listed with the safe name", () => {
  const files = describedAttachments([{ id: "x", index: 0 }], [{ name: "invoice\u202Efdp.exe", type: "application/pdf", size: 3 }]);
  assert.equal(files[0].name, "invoice_fdp.exe");
});

test("a sealed document with a null file entry lists nothing for it and does not throw", () => {
  assert.deepEqual(describedAttachments([{ id: "x", index: 0 }], [null]).map((f) => f.name), ["attachment"]);
});
