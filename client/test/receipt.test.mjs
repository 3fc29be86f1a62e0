import assert from "node:assert/strict";
import { test } from "node:test";
import { receiptText } from "../src/receipt.js";

test("receiptText fills in what only the browser knows and leaves the rest", () => {
  const template = "Case: {caseNumber}\nReceived: {receivedOn}\nFiles: {files}\n{code}\nAt {address}";
  const text = receiptText(template, { caseNumber: "VB-2026-0001", receivedOn: "2026-12-02", files: "2", code: "AAAAA-BBBBB" });
  assert.equal(text, "Case: VB-2026-0001\nReceived: 2026-12-02\nFiles: 2\nAAAAA-BBBBB\nAt {address}");
});

test("receiptText does not read a placeholder's value as a pattern", () => {
  assert.equal(receiptText("{code}", { code: "$&$1" }), "$&$1");
});
