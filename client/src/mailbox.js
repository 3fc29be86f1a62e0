// The mailbox opened in the browser (docs/report-format.md, "The mailbox with JavaScript").
//
// Progressive enhancement of the mailbox door (/mailbox): without this script the door posts the token and the
// server opens the mailbox for each request. With it, the token never leaves the browser: the script derives
// the mailbox authenticator and identity, fetches the thread and attachments as age ciphertext with the
// authenticator in a header (the server keeps only its hash; docs/mailbox-token.md), decrypts them here, and seals follow-ups to the channel's recipient and the mailbox recipient
// before posting them. The keys live only in this script's memory; leaving, 15 minutes without activity, or the
// page being hidden (back/forward) wipes them and everything shown. Every string shown comes from the page.

import { Decrypter, Encrypter } from "age-encryption";
import { ParseStatus, deriveMailboxKeys, mailboxRecipientFor, parseToken } from "./mailbox-token.js";
import { cleanValue, collect, postWithProgress, safeFileName, sealFile } from "./sealing.js";
import {
  answerErrors, answerRows, describedAttachments, entryLabel, followUpProblems, fromBase64, isIdle, kilobytes, kindClass,
  messageDocument, newCountText, statusText,
} from "./mailbox-view.js";

const AUTHENTICATOR_HEADER = "Intake-Mailbox-Authenticator";
// Only for a case from before the authenticator: its v1 lookup id, then the opened challenge that proves the
// mailbox identity is held (docs/mailbox-token.md).
const LOOKUP_HEADER = "Intake-Mailbox-Lookup";
const CHALLENGE_HEADER = "Intake-Mailbox-Challenge";
const PROOF_HEADER = "Intake-Mailbox-Proof";
const ANTIFORGERY_HEADER = "RequestVerificationToken";
const ACTIVITY_EVENTS = ["pointerdown", "keydown", "input", "wheel", "touchstart"];

/** The page's words from <template id="mailbox-strings">: key → text. */
function readStrings(template) {
  const strings = {};
  if (template) {
    for (const node of template.content.querySelectorAll("[data-string]")) {
      strings[node.dataset.string] = node.textContent;
    }
  }
  return strings;
}

/** The report forms' labels from <template id="mailbox-forms">: channel → fields in order. */
function readForms(template) {
  const forms = new Map();
  if (!template) {
    return forms;
  }
  for (const list of template.content.querySelectorAll("dl[data-channel]")) {
    const fields = [];
    for (const term of list.querySelectorAll("dt[data-field]")) {
      const choices = {};
      for (let next = term.nextElementSibling; next && next.tagName === "DD"; next = next.nextElementSibling) {
        choices[next.dataset.code] = next.textContent;
      }
      fields.push({ name: term.dataset.field, kind: term.dataset.kind, label: term.textContent, choices });
    }
    forms.set(list.dataset.channel, fields);
  }
  return forms;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function fill(root, slot, text) {
  for (const node of root.querySelectorAll(`[data-slot="${slot}"]`)) {
    node.textContent = text;
  }
}

async function readJson(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

class MailboxPage {
  constructor(door, form, template, strings, forms) {
    this.door = door;
    this.form = form;
    this.messages = form.dataset;
    this.template = template;
    this.strings = strings;
    this.forms = forms;
    this.input = form.querySelector('input[name="Token"]');
    this.title = document.title;
    this.button = form.querySelector('button[type="submit"]');
    this.session = null;
    this.thread = null;
    this.view = null;
    this.attachments = new Map();
    // The replies marked new when they were first shown in this visit: they stay marked until it ends.
    this.newIds = new Set();
    this.urls = new Set();
    this.busy = false;
    this.timer = 0;
    this.lastActivity = Date.now();
    this.touch = () => {
      this.lastActivity = Date.now();
    };
  }

  start() {
    const note = document.getElementById("mailbox-note");
    if (note && note.dataset.browserText) {
      note.textContent = note.dataset.browserText;
    }
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!this.busy) {
        this.open().catch(() => {
          this.wipe();
          this.doorFailed(this.messages.msgFailed);
        });
      }
    });
    // A page put into the back/forward cache keeps its DOM and memory: wipe both before it goes, and show only
    // the door if it comes back.
    window.addEventListener("pagehide", () => this.wipe());
    window.addEventListener("pageshow", (event) => {
      if (event.persisted) {
        this.wipe();
      }
    });
  }

  antiforgery() {
    const field = this.form.querySelector('input[name="__RequestVerificationToken"]');
    return field ? field.value : "";
  }

  headers(extra) {
    return { [AUTHENTICATOR_HEADER]: this.session.authenticatorHex, [ANTIFORGERY_HEADER]: this.antiforgery(), Accept: "application/json", ...extra };
  }

  async post(path, extra = {}) {
    const response = await fetch(this.messages.api + path, {
      method: "POST",
      headers: this.headers({ "Content-Type": "application/json", ...extra }),
      body: "{}",
      credentials: "same-origin",
      cache: "no-store",
    });
    return { status: response.status, json: await readJson(response) };
  }

  /**
   * The first request of a session. A case from before the authenticator answers with a challenge sealed to the
   * mailbox recipient: opening it with the mailbox identity and sending it back moves the case to the
   * authenticator, once.
   */
  async openThread(lookupIdHex) {
    const first = await this.post("/thread", { [LOOKUP_HEADER]: lookupIdHex });
    if (first.status !== 200 || !first.json || typeof first.json.challenge !== "string") {
      return first;
    }
    const nonce = await this.session.decrypter.decrypt(fromBase64(first.json.challenge));
    let proof = "";
    for (const b of nonce) {
      proof += b.toString(16).padStart(2, "0");
    }
    nonce.fill(0);
    return this.post("/thread", { [LOOKUP_HEADER]: lookupIdHex, [CHALLENGE_HEADER]: first.json.state, [PROOF_HEADER]: proof });
  }

  // ---- the door -----------------------------------------------------------------------------------

  async open() {
    const parsed = parseToken(this.input.value);
    if (parsed.status !== ParseStatus.ok) {
      const key = parsed.status === ParseStatus.empty ? "msgEmpty" : parsed.status === ParseStatus.checkCharacterMismatch ? "msgTypo" : "msgMalformed";
      this.doorError(this.messages[key]);
      return;
    }

    this.setDoorBusy(true);
    let keys;
    try {
      keys = await deriveMailboxKeys(parsed.entropy);
    } finally {
      parsed.entropy.fill(0);
    }
    const decrypter = new Decrypter();
    decrypter.addIdentity(keys.identity);
    decrypter.addIdentity(keys.classicIdentity);
    this.session = { authenticatorHex: keys.authenticatorHex, recipient: keys.recipient, classicRecipient: keys.classicRecipient, decrypter };
    keys.identity = "";
    keys.classicIdentity = "";
    keys.authenticatorHex = "";

    let answer;
    try {
      answer = await this.openThread(keys.lookupIdHex);
    } catch {
      this.session = null;
      this.doorFailed(this.messages.msgFailed);
      return;
    }
    if (answer.status !== 200 || !answer.json || typeof answer.json.caseNumber !== "string") {
      this.session = null;
      this.doorFailed(answerErrors(answer.json, [], this.messages.msgNotFound)[0].message);
      return;
    }

    this.input.value = "";
    this.clearDoorError();
    await this.render(answer.json, false);
    this.door.hidden = true;
    this.setDoorBusy(false);
    this.startIdleWatch();
    const heading = document.querySelector("main h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }

  doorError(message) {
    let summary = document.getElementById("mailbox-error");
    if (!summary) {
      summary = element("div", "error-summary");
      summary.id = "mailbox-error";
      summary.setAttribute("role", "alert");
      this.form.before(summary);
    }
    summary.replaceChildren(element("p", "", message));
    this.input.setAttribute("aria-invalid", "true");
    this.input.setAttribute("aria-describedby", "mailbox-error");
    this.input.focus();
  }

  clearDoorError() {
    const summary = document.getElementById("mailbox-error");
    if (summary) {
      summary.remove();
    }
    this.input.setAttribute("aria-invalid", "false");
    this.input.removeAttribute("aria-describedby");
  }

  doorFailed(message) {
    this.setDoorBusy(false);
    this.doorError(message);
  }

  setDoorBusy(busy) {
    this.busy = busy;
    this.form.setAttribute("aria-busy", busy ? "true" : "false");
    if (this.button) {
      this.button.disabled = busy;
    }
  }

  // ---- showing the thread -------------------------------------------------------------------------

  async render(thread, sent) {
    this.thread = thread;
    this.attachments.clear();
    const view = element("section", "mailbox-open");
    view.id = "mailbox-open";
    view.setAttribute("aria-labelledby", "mailbox-case");
    view.append(this.template.content.cloneNode(true));
    fill(view, "caseNumber", thread.caseNumber);
    fill(view, "receivedOn", thread.receivedOn);
    fill(view, "status", statusText(this.strings, thread.status, thread.outcome));
    // What was just done is confirmed at the top, where the focus goes: a message ("sent") or a meeting request.
    for (const slot of ["sent", "meeting-sent"]) {
      const notice = view.querySelector(`[data-slot="${slot}"]`);
      if (notice) {
        notice.hidden = sent !== slot;
      }
    }
    const list = view.querySelector("ol.thread");
    const fresh = [];
    for (const entry of thread.entries ?? []) {
      const isNew = entry.new === true || this.newIds.has(entry.id);
      if (isNew) {
        this.newIds.add(entry.id);
        fresh.push(entry);
      }
      list.append(await this.renderEntry(entry, thread.channel, isNew));
    }
    // What arrived since the last visit is one step away, as on the server page.
    const newItems = view.querySelector('[data-slot="new-items"]');
    if (newItems && fresh.length > 0) {
      const link = newItems.querySelector("a");
      link.href = `#entry-${fresh[0].number}`;
      link.textContent = newCountText(this.strings, fresh.length);
      newItems.hidden = false;
    }
    if (thread.meetingRequested) {
      for (const node of view.querySelectorAll('[data-slot="meeting"]')) {
        node.remove();
      }
    }
    this.wire(view);
    if (this.view) {
      this.view.replaceWith(view);
    } else {
      this.door.after(view);
    }
    this.view = view;
    return view;
  }

  async renderEntry(entry, channel, isNew) {
    const item = element("li", kindClass(entry.kind) + (isNew ? " thread-item--new" : ""));
    item.id = `entry-${entry.number}`;
    const meta = element("p", "thread-meta");
    if (isNew) {
      item.tabIndex = -1;
      meta.append(element("strong", "new-badge", this.strings.textNew ?? ""), " ");
    }
    meta.append(`${entry.date} – ${entryLabel(this.strings, entry)}`);
    item.append(meta);
    let document_ = null;
    let unreadable = false;
    let reportDetails = null;
    if (typeof entry.sealed === "string") {
      try {
        document_ = JSON.parse(await this.session.decrypter.decrypt(fromBase64(entry.sealed), "text"));
      } catch {
        unreadable = true;
      }
    }

    if (unreadable) {
      item.append(element("p", "", this.strings.textUnreadable));
    } else if (entry.kind === "receiptConfirmation") {
      item.append(element("p", "", this.strings.textReceipt));
    } else if (entry.kind === "meetingRequest") {
      item.append(element("p", "", this.strings.textMeeting));
    } else if (entry.kind === "report" && document_) {
      const details = element("details");
      details.append(element("summary", "", this.strings.textShowReport));
      const answers = element("dl", "answers");
      for (const row of answerRows(this.forms.get(channel) ?? [], document_.answers ?? {}, this.strings.textYes)) {
        answers.append(element("dt", "", row.label), element("dd", "answer", row.value));
      }
      details.append(answers);
      item.append(details);
      reportDetails = details;
    } else if (document_) {
      item.append(element("div", "message-text", String(document_.text ?? "")));
    }

    const files = document_ ? describedAttachments(entry.attachments ?? [], document_.attachments) : [];
    if (files.length > 0) {
      const list = element("ul", "attachments");
      for (const file of files) {
        this.attachments.set(file.id, file);
        const row = element("li");
        const button = element("button", "link-button", file.name);
        button.type = "button";
        button.dataset.attachment = file.id;
        row.append(button, ` (${kilobytes(file.size)} kB)`);
        list.append(row);
      }
      // The report's files belong to it: a collapsed report hides them too.
      (reportDetails ?? item).append(list);
    }
    return item;
  }

  wire(view) {
    view.addEventListener("click", (event) => {
      const target = event.target instanceof Element ? event.target.closest("button") : null;
      if (!target || !this.session) {
        return;
      }
      if (target.dataset.action === "leave") {
        this.close(this.messages.leftUrl);
      } else if (target.dataset.action === "meeting") {
        this.requestMeeting(target).catch(() => this.showErrors([{ field: "", index: null, message: this.messages.msgFailed }]));
      } else if (target.dataset.attachment) {
        this.download(target.dataset.attachment).catch(() => this.downloadFailed());
      }
    });
    const reply = view.querySelector("form.mailbox-reply");
    if (reply) {
      reply.addEventListener("submit", (event) => {
        event.preventDefault();
        if (!this.busy) {
          this.send(reply).catch(() => this.failSend(reply, [{ field: "", index: null, message: reply.dataset.msgFailed }]));
        }
      });
    }
  }

  async refresh(sent) {
    const answer = await this.post("/thread");
    if (answer.status !== 200 || !answer.json || typeof answer.json.caseNumber !== "string") {
      await this.renewIfExpired(answer.json);
      this.showErrors(answerErrors(answer.json, [], this.messages.msgFailed));
      return;
    }
    const view = await this.render(answer.json, sent);
    const notice = sent ? view.querySelector(`[data-slot="${sent}"]`) : null;
    if (notice) {
      notice.tabIndex = -1;
      notice.focus();
    }
  }

  // ---- attachments and the meeting request ---------------------------------------------------------

  async download(id) {
    const file = this.attachments.get(id);
    if (!file) {
      return;
    }
    const response = await fetch(`${this.messages.api}/attachments/${encodeURIComponent(id)}`, {
      method: "POST",
      headers: this.headers({ "Content-Type": "application/json" }),
      body: "{}",
      credentials: "same-origin",
      cache: "no-store",
    });
    if (!response.ok || !response.body) {
      this.downloadFailed();
      return;
    }
    const plain = await this.session.decrypter.decrypt(response.body);
    const blob = await collect(plain, "application/octet-stream");
    if (!this.session) {
      return;
    }
    const url = URL.createObjectURL(blob);
    this.urls.add(url);
    const link = element("a");
    link.href = url;
    link.download = safeFileName(file.name);
    link.hidden = true;
    this.view.append(link);
    link.click();
    link.remove();
    setTimeout(() => this.revoke(url), 60_000);
  }

  downloadFailed() {
    this.showErrors([{ field: "", index: null, message: this.strings.textDownloadFailed }]);
  }

  revoke(url) {
    URL.revokeObjectURL(url);
    this.urls.delete(url);
  }

  async requestMeeting(button) {
    button.disabled = true;
    const answer = await this.post("/meeting");
    if (answer.status !== 200) {
      button.disabled = false;
      await this.renewIfExpired(answer.json);
      this.showErrors(answerErrors(answer.json, [], this.messages.msgFailed));
      return;
    }
    await this.refresh("meeting-sent");
  }

  // ---- follow-ups ---------------------------------------------------------------------------------

  async send(reply) {
    this.clearErrors();
    const textarea = reply.querySelector("textarea");
    const input = reply.querySelector('input[type="file"]');
    const files = input && input.files ? Array.from(input.files) : [];
    const limits = {
      maxFileBytes: Number(reply.dataset.maxFileBytes),
      maxTotalBytes: Number(reply.dataset.maxTotalBytes),
      maxFiles: Number(reply.dataset.maxFiles),
    };
    const problems = followUpProblems(cleanValue(textarea.value), files, limits, reply.dataset);
    if (problems.length > 0) {
      this.showErrors(problems);
      return;
    }

    this.setSending(reply, true);
    const sealed = await this.seal(reply, textarea.value, files);
    this.showProgress(reply.dataset.msgUploading, 0);
    let answer;
    try {
      answer = await this.upload(sealed);
    } catch {
      this.failSend(reply, [{ field: "", index: null, message: reply.dataset.msgFailed }]);
      return;
    }
    if (answer.status !== 200) {
      // An expired form is one instruction; what was typed and chosen stays, and the next Send takes a fresh form.
      await this.renewIfExpired(answer.json);
      this.failSend(reply, answerErrors(answer.json, files, reply.dataset.msgFailed));
      return;
    }
    reply.reset();
    this.busy = false;
    await this.refresh("sent");
  }

  async seal(reply, text, files) {
    const encrypter = new Encrypter();
    encrypter.addRecipient(this.thread.channelRecipient);
    encrypter.addRecipient(mailboxRecipientFor(this.session, this.thread.channelRecipient));
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0) + 1;
    const sealing = reply.dataset.msgSealing;
    const label = (index) => (files.length > 0 ? `${sealing} (${Math.min(index, files.length)}/${files.length})` : sealing);
    this.showProgress(label(0), 0);
    const plain = new TextEncoder().encode(JSON.stringify(messageDocument(text, files)));
    let message;
    try {
      message = await encrypter.encrypt(plain);
    } finally {
      plain.fill(0);
    }
    const attachments = [];
    let doneBytes = 0;
    for (let i = 0; i < files.length; i++) {
      this.showProgress(label(i + 1), (100 * doneBytes) / totalBytes);
      const base = doneBytes;
      attachments.push(await sealFile(encrypter, files[i], (read) => this.setProgress((100 * (base + read)) / totalBytes)));
      doneBytes += files[i].size;
    }
    this.setProgress(100);
    return { message, attachments };
  }

  upload(sealed) {
    const body = new FormData();
    body.append("__RequestVerificationToken", this.antiforgery());
    // How many files the sealed message describes: the server takes no more (docs/report-format.md).
    body.append("attachmentCount", String(sealed.attachments.length));
    body.append("sealedMessage", new Blob([sealed.message], { type: "application/octet-stream" }), "message.age");
    sealed.attachments.forEach((blob, i) => body.append("sealedAttachments", blob, `${i}.age`));
    return postWithProgress(`${this.messages.api}/messages`, body, this.headers({}), (percent) => this.setProgress(percent));
  }

  /** After an answer that says the form had expired: takes the antiforgery token from the door page served afresh. */
  async renewIfExpired(json) {
    if (!json || json.expired !== true) {
      return;
    }
    try {
      const response = await fetch(window.location.pathname, { credentials: "same-origin", cache: "no-store", headers: { Accept: "text/html" } });
      if (!response.ok) {
        return;
      }
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
      const from = fresh.querySelector('form.mailbox-door-form input[name="__RequestVerificationToken"]');
      const to = this.form.querySelector('input[name="__RequestVerificationToken"]');
      if (from instanceof HTMLInputElement && to instanceof HTMLInputElement) {
        to.value = from.value;
      }
    } catch {
      // The instruction is shown all the same; sending again tries once more.
    }
  }

  failSend(reply, errors) {
    this.hideProgress();
    this.setSending(reply, false);
    this.showErrors(errors);
  }

  setSending(reply, busy) {
    this.busy = busy;
    reply.setAttribute("aria-busy", busy ? "true" : "false");
    const button = reply.querySelector('button[type="submit"]');
    if (button) {
      button.disabled = busy;
    }
  }

  // ---- errors and progress ------------------------------------------------------------------------

  part(id) {
    return this.view ? this.view.querySelector(`#${id}`) : null;
  }

  clearErrors() {
    const summary = this.part("error-summary");
    if (summary) {
      summary.replaceChildren();
      summary.hidden = true;
    }
    document.title = this.title;
  }

  /**
   * The one error summary (Pages/Shared/_ErrorSummary), filled as the server page fills it after a refused
   * message: a heading, each problem linked to its field, focused, and the title says "Fel:".
   */
  showErrors(problems) {
    const summary = this.part("error-summary");
    if (!summary) {
      return;
    }
    const list = element("ul");
    for (const problem of problems) {
      const item = element("li");
      const target = problem.field ? this.part(problem.field) : null;
      if (target) {
        const link = element("a", "", problem.message);
        link.href = `#${problem.field}`;
        item.append(link);
      } else {
        item.textContent = problem.message;
      }
      list.append(item);
    }
    const heading = element("h2", "", summary.dataset.heading || this.strings.textNotSent || "");
    heading.id = "error-summary-heading";
    summary.replaceChildren(heading, list);
    summary.hidden = false;
    const reply = this.view ? this.view.querySelector("form.mailbox-reply") : null;
    if (reply && reply.dataset.msgErrorTitle) {
      document.title = reply.dataset.msgErrorTitle.replace("{0}", this.title);
    }
    summary.focus();
  }

  showProgress(text, percent) {
    const area = this.part("seal-progress");
    if (!area) {
      return;
    }
    area.hidden = false;
    const label = this.part("seal-progress-label");
    if (label) {
      label.textContent = text;
    }
    this.setProgress(percent);
  }

  setProgress(percent) {
    const bar = this.part("seal-progress-bar");
    if (bar) {
      bar.value = Math.max(0, Math.min(100, Math.round(percent)));
    }
  }

  hideProgress() {
    const area = this.part("seal-progress");
    if (area) {
      area.hidden = true;
    }
    this.setProgress(0);
  }

  // ---- idle, leaving and wiping -------------------------------------------------------------------

  startIdleWatch() {
    this.touch();
    for (const name of ACTIVITY_EVENTS) {
      document.addEventListener(name, this.touch, { passive: true, capture: true });
    }
    const check = () => {
      if (this.session && isIdle(this.lastActivity, Date.now(), Number(this.messages.idleSeconds) * 1000)) {
        this.close(this.messages.idleUrl);
      }
    };
    this.check = check;
    document.addEventListener("visibilitychange", check);
    this.timer = setInterval(check, 1000);
  }

  stopIdleWatch() {
    clearInterval(this.timer);
    this.timer = 0;
    for (const name of ACTIVITY_EVENTS) {
      document.removeEventListener(name, this.touch, { capture: true });
    }
    if (this.check) {
      document.removeEventListener("visibilitychange", this.check);
      this.check = null;
    }
  }

  /** Wipes the mailbox and goes to the door, replacing this history entry so back does not return here. */
  close(url) {
    this.wipe();
    window.location.replace(url);
  }

  /** Drops the keys and everything decrypted: the page shows the empty door again. */
  wipe() {
    this.stopIdleWatch();
    if (this.session) {
      this.session.authenticatorHex = "";
      this.session.recipient = "";
      this.session.classicRecipient = "";
      this.session.decrypter = null;
      this.session = null;
    }
    this.thread = null;
    this.attachments.clear();
    this.newIds.clear();
    for (const url of [...this.urls]) {
      this.revoke(url);
    }
    if (this.view) {
      this.view.replaceChildren();
      this.view.remove();
      this.view = null;
    }
    this.input.value = "";
    document.title = this.title;
    this.door.hidden = false;
    this.busy = false;
    this.setDoorBusy(false);
  }
}

function init() {
  const door = document.getElementById("mailbox-door");
  const form = door ? door.querySelector("form.mailbox-door-form") : null;
  const template = document.getElementById("mailbox-template");
  if (form instanceof HTMLFormElement && template instanceof HTMLTemplateElement && form.dataset.api
      && globalThis.crypto && globalThis.crypto.getRandomValues && typeof fetch === "function") {
    const strings = readStrings(document.getElementById("mailbox-strings"));
    new MailboxPage(door, form, template, strings, readForms(document.getElementById("mailbox-forms"))).start();
  }
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init, { once: true });
  } else {
    init();
  }
}
