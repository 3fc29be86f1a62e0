// The parts of the mailbox script that must match the server page and the server's documents, outside a browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Decrypter, Encrypter, generateIdentity, identityToRecipient } from "age-encryption";
import {
  MAX_MESSAGE_CHARS, answerErrors, answerRows, describedAttachments, followUpProblems, fromBase64, isIdle, kilobytes,
  entryLabel, kindClass, messageDocument, newCountText, stringKey,
} from "../src/mailbox-view.js";

const messages = {
  msgEmpty: "empty",
  msgTooLong: "too long",
  msgFileTooLarge: "too large",
  msgTotalTooLarge: "total too large",
  msgTooMany: "too many",
};

test("the message document is the one ReportDocument.Message builds", () => {
  const document = messageDocument("  hello\r\nworld \u3000", [{ name: "C:\\tmp\\a.pdf", type: "", size: 12 }]);
  assert.equal(
    JSON.stringify(document),
    '{"format":"intake.message/v1","text":"hello\\nworld","attachments":[{"name":"a.pdf","type":"application/octet-stream","size":12}]}',
  );
});

test("an empty follow-up, a too long one and oversized files are refused before sealing", () => {
  const limits = { maxFileBytes: 10, maxTotalBytes: 15, maxFiles: 2 };
  assert.deepEqual(followUpProblems("", [], limits, messages), [{ field: "message", index: null, message: "empty" }]);
  assert.deepEqual(followUpProblems("x".repeat(MAX_MESSAGE_CHARS + 1), [], limits, messages), [{ field: "message", index: null, message: "too long" }]);
  assert.deepEqual(followUpProblems("", [{ name: "a", size: 5 }], limits, messages), []);
  assert.deepEqual(
    followUpProblems("ok", [{ name: "a", size: 11 }, { name: "b", size: 5 }, { name: "c", size: 1 }], limits, messages),
    [
      { field: "attachments", index: 0, message: "a: too large" },
      { field: "attachments", index: null, message: "total too large" },
      { field: "attachments", index: null, message: "too many" },
    ],
  );
});

test("page strings and classes are named as the server names the codes", () => {
  assert.equal(stringKey("status", "underInvestigation"), "statusUnderInvestigation");
  assert.equal(stringKey("kind", "receiptConfirmation"), "kindReceiptConfirmation");
  assert.equal(kindClass("handlerMessage"), "thread-item thread-item--handlermessage");
  assert.equal(kilobytes(0), 1);
  assert.equal(kilobytes(2047), 1);
  assert.equal(kilobytes(70_000), 68);
});

test("answers are shown in form order with option labels, as the server's _Answers partial does", () => {
  const fields = [
    { name: "category", kind: "Select", label: "Kategori", choices: { fraud: "Bedrägeri" } },
    { name: "whatHappened", kind: "TextArea", label: "Vad hände?", choices: {} },
    { name: "allowAcknowledgement", kind: "Checkbox", label: "Bekräftelse", choices: {} },
    { name: "unused", kind: "Text", label: "Unused", choices: {} },
  ];
  const answers = { whatHappened: ["text"], category: ["fraud", "other-code"], allowAcknowledgement: ["true"], unused: [] };
  assert.deepEqual(answerRows(fields, answers, "Ja"), [
    { label: "Kategori", value: "Bedrägeri, other-code" },
    { label: "Vad hände?", value: "text" },
    { label: "Bekräftelse", value: "Ja" },
  ]);
  assert.deepEqual(answerRows(fields, { __proto__: null, toString: ["x"] }, "Ja"), []);
});

test("attachments take their names from the sealed document by index", () => {
  const stored = [{ id: "b", index: 1 }, { id: "a", index: 0 }, { id: "z", index: 5 }];
  const described = [{ name: "first.txt", type: "text/plain", size: 3 }, { name: "second.bin", type: "", size: 4 }];
  assert.deepEqual(describedAttachments(stored, described), [
    { id: "a", name: "first.txt", type: "text/plain", size: 3 },
    { id: "b", name: "second.bin", type: "", size: 4 },
  ]);
  assert.deepEqual(describedAttachments(stored, undefined), []);
});

test("API errors are shown with the file they concern, or the page's own message", () => {
  const files = [{ name: "photo.jpg" }];
  assert.deepEqual(answerErrors({ errors: [{ field: "attachments", index: 0, message: "bad" }] }, files, "failed"), [{ field: "attachments", index: 0, message: "photo.jpg: bad" }]);
  assert.deepEqual(answerErrors({ errors: [{ field: "", index: null, message: "expired" }] }, files, "failed"), [{ field: "", index: null, message: "expired" }]);
  assert.deepEqual(answerErrors(null, files, "failed"), [{ field: "", index: null, message: "failed" }]);
  assert.deepEqual(answerErrors({ errors: [{ index: 7, message: "x" }] }, files, "failed"), [{ field: "", index: null, message: "x" }]);
});

test("idle is measured from the last activity, however late the timer runs", () => {
  assert.equal(isIdle(0, 899_999, 900_000), false);
  assert.equal(isIdle(0, 900_000, 900_000), true);
  assert.equal(isIdle(1000, 5_000_000, 900_000), true);
});

test("a thread entry's base64 age file opens with the mailbox identity", async () => {
  const identity = await generateIdentity();
  const encrypter = new Encrypter();
  encrypter.addRecipient(await identityToRecipient(identity));
  const sealed = await encrypter.encrypt(JSON.stringify(messageDocument("hej å", [])));
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  const text = await decrypter.decrypt(fromBase64(Buffer.from(sealed).toString("base64")), "text");
  assert.equal(JSON.parse(text).text, "hej å");
});

test("a closed case's status says how it ended and what the reporter can still do", async () => {
  const { statusText } = await import("../src/mailbox-view.js");
  const strings = {
    statusReceived: "Received.", closedLead: "Closed.", closedStillCan: "You can still write.",
    "outcome-measures-taken": "Measures were taken.",
  };
  assert.equal(statusText(strings, "received", null), "Received.");
  assert.equal(statusText(strings, "closed", "measures-taken"), "Closed. Measures were taken. You can still write.");
  assert.equal(statusText(strings, "closed", null), "Closed. You can still write.");
  assert.equal(statusText(strings, "closed", "unknown"), "Closed. You can still write.");
});

test("a reply that counts as the acknowledgement or the feedback is named so, apart from the receipt notice", () => {
  const strings = {
    kindHandlerMessage: "The case handler wrote",
    kindReceiptConfirmation: "Receipt: your report has arrived",
    purposeAcknowledgement: "Acknowledgement of receipt",
    purposeFeedback: "Feedback",
  };
  assert.equal(entryLabel(strings, { kind: "handlerMessage", purpose: "acknowledgement" }), "Acknowledgement of receipt");
  assert.equal(entryLabel(strings, { kind: "handlerMessage", purpose: "feedback" }), "Feedback");
  assert.equal(entryLabel(strings, { kind: "handlerMessage", purpose: "message" }), "The case handler wrote");
  assert.equal(entryLabel(strings, { kind: "receiptConfirmation", purpose: "message" }), "Receipt: your report has arrived");
});

test("the link to what is new counts the new items as the server page does", () => {
  const strings = { newOne: "1 nytt meddelande", newMany: "{0} nya meddelanden" };
  assert.equal(newCountText(strings, 1), "1 nytt meddelande");
  assert.equal(newCountText(strings, 2), "2 nya meddelanden");
});
