// The parts of the mailbox script that decide what is shown and what is sealed, without a DOM or a network:
// they must match what the server page (Intake.Web/Pages/Mailbox/Open.cshtml) shows and what the server seals
// (ReportDocument.Message), and they are tested in Node (client/test/mailbox.test.mjs).

import { cleanFileName, cleanValue, safeFileName } from "./sealing.js";

export const MESSAGE_FORMAT = "intake.message/v1";

/** The longest follow-up text the server takes (MailboxService). */
export const MAX_MESSAGE_CHARS = 20000;

/**
 * The message document, as ReportDocument.Message builds it on the server: the text trimmed as .NET trims it,
 * with CRLF as LF, and the attached files in order.
 * @param {string} text
 * @param {{name: string, type: string, size: number}[]} files
 */
export function messageDocument(text, files) {
  return {
    format: MESSAGE_FORMAT,
    text: cleanValue(text),
    attachments: files.map((f) => ({ name: cleanFileName(f.name), type: f.type || "application/octet-stream", size: f.size })),
  };
}

/**
 * What is wrong with a follow-up before anything is sealed: each problem is a message from the page, the field
 * it links to in the error summary ("message" or "attachments") and, for a file, its index.
 * @param {string} text the cleaned text
 * @param {{name: string, size: number}[]} files
 * @param {{maxFileBytes: number, maxTotalBytes: number, maxFiles: number}} limits
 * @param {Record<string, string>} messages msgEmpty, msgTooLong, msgFileTooLarge, msgTotalTooLarge, msgTooMany
 * @returns {{field: string, index: number | null, message: string}[]}
 */
export function followUpProblems(text, files, limits, messages) {
  const problems = [];
  if (text.length === 0 && files.length === 0) {
    problems.push({ field: "message", index: null, message: messages.msgEmpty });
  }
  if (text.length > MAX_MESSAGE_CHARS) {
    problems.push({ field: "message", index: null, message: messages.msgTooLong });
  }
  let total = 0;
  files.forEach((file, index) => {
    total += file.size;
    if (limits.maxFileBytes > 0 && file.size > limits.maxFileBytes) {
      problems.push({ field: "attachments", index, message: `${file.name}: ${messages.msgFileTooLarge}` });
    }
  });
  if (limits.maxTotalBytes > 0 && total > limits.maxTotalBytes) {
    problems.push({ field: "attachments", index: null, message: messages.msgTotalTooLarge });
  }
  if (limits.maxFiles > 0 && files.length > limits.maxFiles) {
    problems.push({ field: "attachments", index: null, message: messages.msgTooMany });
  }
  return problems;
}

/**
 * The case's status in words, as MailboxText.Status puts it: a closed case says how it ended and what the
 * reporter can still do.
 */
export function statusText(strings, status, outcome) {
  if (status !== "closed") {
    return strings[stringKey("status", status)] ?? "";
  }
  const ended = typeof outcome === "string" ? strings[`outcome-${outcome}`] ?? "" : "";
  return [strings.closedLead ?? "", ended, strings.closedStillCan ?? ""].filter((s) => s.length > 0).join(" ");
}

/** The dataset key of a page string: ("status", "underInvestigation") → "statusUnderInvestigation". */
export function stringKey(prefix, code) {
  const text = String(code ?? "");
  return prefix + text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What a thread entry is called, as MailboxText.Kind puts it: a handler's reply that counts as the legal
 * acknowledgement or the feedback is named so, any other entry by its kind.
 */
export function entryLabel(strings, entry) {
  if (entry.kind === "handlerMessage" && entry.purpose && entry.purpose !== "message") {
    const named = strings[stringKey("purpose", entry.purpose)];
    if (named) {
      return named;
    }
  }
  return strings[stringKey("kind", entry.kind)] ?? "";
}

/** The link to the first new item, as MailboxText.NewCount puts it: "1 new message", "2 new messages". */
export function newCountText(strings, count) {
  return count === 1 ? strings.newOne ?? "" : String(strings.newMany ?? "").replace("{0}", String(count));
}

/** The CSS modifier the server page uses for an entry kind: EntryKind.ToString().ToLowerInvariant(). */
export function kindClass(kind) {
  return `thread-item thread-item--${String(kind).toLowerCase()}`;
}

/** Sizes in kB as the server page shows them: at least 1. */
export function kilobytes(size) {
  return Math.max(1, Math.floor(Number(size) / 1024));
}

/**
 * The answers of a report as the server's _Answers partial shows them: in the form's field order, option codes
 * as their labels, a single checkbox as "yes", several values joined with ", ".
 * @param {{name: string, label: string, kind: string, choices: Record<string, string>}[]} fields
 * @param {Record<string, string[]>} answers
 * @param {string} yes
 * @returns {{label: string, value: string}[]}
 */
export function answerRows(fields, answers, yes) {
  const rows = [];
  for (const field of fields) {
    const values = answers && Object.prototype.hasOwnProperty.call(answers, field.name) ? answers[field.name] : null;
    if (!Array.isArray(values) || values.length === 0) {
      continue;
    }
    const shown = field.kind === "Checkbox"
      ? [yes]
      : values.map((v) => (Object.prototype.hasOwnProperty.call(field.choices, v) ? field.choices[v] : String(v)));
    rows.push({ label: field.label, value: shown.join(", ") });
  }
  return rows;
}

/**
 * The attachments of an entry with their names from the sealed document: the n-th file listed in the document
 * is the attachment with index n. Attachments the document does not describe are left out, as on the server.
 * @param {{id: string, index: number}[]} stored
 * @param {{name: string, type: string, size: number}[]} described
 */
export function describedAttachments(stored, described) {
  const list = Array.isArray(described) ? described : [];
  return [...stored]
    .sort((a, b) => a.index - b.index)
    .filter((a) => a.index >= 0 && a.index < list.length)
    .map((a) => ({ id: a.id, name: safeFileName(list[a.index]?.name), type: String(list[a.index]?.type ?? ""), size: Number(list[a.index]?.size ?? 0) }));
}

/** Decodes standard base64 into bytes. */
export function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

/** True once the mailbox has been left alone for the whole timeout (timers may be late in a sleeping tab). */
export function isIdle(lastActivity, now, timeoutMs) {
  return now - lastActivity >= timeoutMs;
}

/**
 * The errors of an API answer as the script shows them: the server's messages (in the page's language) with the
 * field they link to, an attachment's message prefixed with its file name, or the page's own message when the
 * answer has none.
 * @param {unknown} json
 * @param {{name: string}[]} files
 * @param {string} fallback
 */
export function answerErrors(json, files, fallback) {
  const errors = json && typeof json === "object" && Array.isArray(json.errors) ? json.errors : [];
  const shown = errors
    .filter((e) => e && typeof e.message === "string" && e.message.length > 0)
    .map((e) => {
      const file = Number.isInteger(e.index) && e.index >= 0 && e.index < files.length ? files[e.index] : null;
      const field = file || e.field === "attachments" ? "attachments" : e.field === "message" ? "message" : "";
      return { field, index: file ? e.index : null, message: file ? `${file.name}: ${e.message}` : e.message };
    });
  return shown.length > 0 ? shown : [{ field: "", index: null, message: fallback }];
}
