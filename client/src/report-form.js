// Sealing a report in the browser (docs/report-format.md, "With JavaScript").
//
// Progressive enhancement of form.report-form: without this script the form posts to the server, which seals
// it. With it, the page makes the mailbox token, builds the same report document the server would build,
// seals it and every attached file with age to the channel's recipient and the mailbox recipient, and posts
// only age files, the mailbox verifier (a hash of the authenticator) and recipient, and the coarse codes the page marks data-clear="true".
// The token never leaves the browser; it is shown on the receipt built from <template id="browser-receipt">.

import { Encrypter } from "age-encryption";
import { deriveMailboxKeys, generateToken, mailboxRecipientFor } from "./mailbox-token.js";
import { enhanceReceipt, receiptText } from "./receipt.js";
import { solve } from "./pow.js";
import { cleanFileName, cleanValue, postWithProgress, sealFile } from "./sealing.js";

export { cleanFileName, cleanValue };

const REPORT_FORMAT = "intake.report/v1";

/**
 * The values of one field wrapper ([data-field]) as the server's FormAnswers.OnlyFieldsOf sees them: text,
 * text areas, selects and dates trimmed; radios and checkboxes only when checked (a single checkbox has the
 * value "true"); empty values left out.
 * @param {Element} wrapper
 * @returns {string[]}
 */
export function fieldValues(wrapper) {
  const name = wrapper.getAttribute("data-field");
  const values = [];
  for (const control of wrapper.querySelectorAll("input[name], select[name], textarea[name]")) {
    if (control.name !== name || control.disabled) {
      continue;
    }
    if (control instanceof HTMLInputElement && (control.type === "radio" || control.type === "checkbox")) {
      if (!control.checked) {
        continue;
      }
    } else if (control instanceof HTMLInputElement && control.type === "file") {
      continue;
    }
    if (control instanceof HTMLSelectElement && control.multiple) {
      for (const option of control.selectedOptions) {
        pushClean(values, option.value);
      }
      continue;
    }
    pushClean(values, control.value);
  }
  return values;
}

function pushClean(values, raw) {
  const value = cleanValue(raw);
  if (value.length > 0) {
    values.push(value);
  }
}

/**
 * The report document, as ReportDocument.Report builds it on the server.
 * @param {HTMLFormElement} form
 * @param {File[]} files
 */
export function reportDocument(form, files) {
  const answers = {};
  for (const wrapper of form.querySelectorAll("[data-field]")) {
    const name = wrapper.getAttribute("data-field");
    const values = fieldValues(wrapper);
    if (values.length > 0) {
      (answers[name] ??= []).push(...values);
    }
  }
  return {
    format: REPORT_FORMAT,
    channel: form.dataset.channel,
    language: form.dataset.language,
    answers,
    attachments: files.map((f) => ({ name: cleanFileName(f.name), type: f.type || "application/octet-stream", size: f.size })),
  };
}

function fileInput(form) {
  return form.querySelector('input[type="file"][name="attachments"]');
}

function chosenFiles(form) {
  const input = fileInput(form);
  return input && input.files ? Array.from(input.files) : [];
}

function labelOf(wrapper) {
  const legend = wrapper.querySelector("legend");
  const label = legend ?? wrapper.querySelector("label");
  return label ? label.textContent.replace(/\s+/g, " ").trim() : wrapper.getAttribute("data-field");
}

function firstControl(wrapper) {
  return wrapper.querySelector("input:not([type=hidden]), select, textarea");
}

function targetId(wrapper) {
  const control = firstControl(wrapper);
  return control && control.id ? control.id : wrapper.id;
}

/** The form's page: errors, progress, sealing, posting and the receipt. */
class ReportPage {
  /** @param {HTMLFormElement} form */
  constructor(form) {
    this.form = form;
    this.messages = form.dataset;
    this.summary = document.getElementById("browser-errors");
    this.progress = document.getElementById("seal-progress");
    this.progressLabel = document.getElementById("seal-progress-label");
    this.progressBar = document.getElementById("seal-progress-bar");
    this.button = form.querySelector('button[type="submit"], input[type="submit"]');
    this.busy = false;
  }

  start() {
    const note = document.getElementById("sealing-note");
    if (note && note.dataset.browserText) {
      note.textContent = note.dataset.browserText;
    }
    if (this.progressLabel) {
      this.progressLabel.setAttribute("aria-live", "polite");
    }
    // Leaving (a link, the language switch, closing the tab) with answers typed asks first; sending does not.
    this.dirty = false;
    this.form.addEventListener("input", () => { this.dirty = true; });
    this.form.addEventListener("change", () => { this.dirty = true; });
    this.warnBeforeLeaving = (event) => {
      if (!this.dirty) {
        return undefined;
      }
      event.preventDefault();
      event.returnValue = this.messages.msgLeave || "";
      return this.messages.msgLeave;
    };
    window.addEventListener("beforeunload", this.warnBeforeLeaving);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!this.busy) {
        this.submit().catch(() => this.fail([{ field: "", message: this.messages.msgFailed }]));
      }
    });
  }

  async submit() {
    this.clearErrors();
    const files = chosenFiles(this.form);
    const problems = [...this.validateFields(), ...this.validateFiles(files)];
    if (problems.length > 0) {
      this.showErrors(problems);
      return;
    }

    this.setBusy(true);
    let sealed;
    try {
      sealed = await this.seal(files);
    } catch {
      this.fail([{ field: "", message: this.messages.msgFailed }]);
      return;
    }

    this.showProgress(this.messages.msgUploading, 0);
    let answer;
    try {
      answer = await this.post(this.buildBody(sealed));
      // Too many reports right now: solve the server's challenge in a worker and send once more with the proof.
      if (answer.status === 429 && answer.json && answer.json.proof && typeof answer.json.proof.challenge === "string") {
        this.showProgress(this.messages.msgProof, 0);
        const { challenge, bits } = answer.json.proof;
        const nonce = await solve(challenge, Number(bits), this.form.dataset.powWorker);
        this.showProgress(this.messages.msgUploading, 0);
        answer = await this.post(this.buildBody(sealed, { challenge, nonce }));
      }
    } catch {
      sealed.token = "";
      this.fail([{ field: "", message: this.messages.msgFailed }]);
      return;
    }

    if (answer.status === 200 && answer.json && typeof answer.json.caseNumber === "string") {
      this.showReceipt(answer.json, sealed.token);
      sealed.token = "";
      return;
    }
    sealed.token = "";
    const errors = (answer.status === 422 || answer.status === 429) && answer.json && Array.isArray(answer.json.errors) && answer.json.errors.length > 0
      ? answer.json.errors.map((e) => ({ field: String(e.field ?? ""), message: String(e.message ?? this.messages.msgFailed) }))
      : [{ field: "", message: this.messages.msgFailed }];
    this.fail(errors);
  }

  // ---- validation ---------------------------------------------------------------------------------

  validateFields() {
    const problems = [];
    for (const wrapper of this.form.querySelectorAll('[data-field][data-required="true"]')) {
      if (fieldValues(wrapper).length > 0) {
        continue;
      }
      const kind = wrapper.getAttribute("data-kind");
      const choose = kind === "Select" || kind === "Radio" || kind === "Checkboxes";
      problems.push({ field: wrapper.getAttribute("data-field"), message: choose ? this.messages.msgChoose : this.messages.msgRequired });
    }
    return [...problems, ...this.validateRules()];
  }

  /** The server's other rules (FormValidator) that concern sealed answers, which it cannot check itself. */
  validateRules() {
    const problems = [];
    const first = (name) => {
      const wrapper = this.wrapperFor(name);
      return wrapper ? fieldValues(wrapper)[0] ?? "" : "";
    };
    const add = (field, message) => {
      if (message && this.wrapperFor(field)) {
        problems.push({ field, message });
      }
    };
    const mode = first("identityMode");
    if (mode === "confidential" && !first("name")) {
      add("name", this.messages.msgNameConfidential);
    }
    if (mode === "named") {
      if (!first("name")) {
        add("name", this.messages.msgNameNamed);
      }
      if (!first("contact")) {
        add("contact", this.messages.msgContactNamed);
      }
    }
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
    for (const wrapper of this.form.querySelectorAll('[data-field][data-kind="Date"]')) {
      const value = fieldValues(wrapper)[0];
      if (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && value > today) {
        add(wrapper.getAttribute("data-field"), this.messages.msgFutureDate);
      }
    }
    return problems;
  }

  validateFiles(files) {
    const maxFile = Number(this.messages.maxFileBytes);
    const maxTotal = Number(this.messages.maxTotalBytes);
    const maxFiles = Number(this.messages.maxFiles);
    const problems = [];
    let total = 0;
    for (const file of files) {
      total += file.size;
      if (maxFile > 0 && file.size > maxFile) {
        problems.push({ field: "attachments", message: `${file.name}: ${this.messages.msgFileTooLarge}` });
      }
    }
    if (maxTotal > 0 && total > maxTotal) {
      problems.push({ field: "attachments", message: this.messages.msgTotalTooLarge });
    }
    if (maxFiles > 0 && files.length > maxFiles) {
      problems.push({ field: "attachments", message: this.messages.msgTooMany || this.messages.msgTotalTooLarge });
    }
    return problems;
  }

  // ---- sealing ------------------------------------------------------------------------------------

  async seal(files) {
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0) + 1;
    let doneBytes = 0;
    const sealing = this.messages.msgSealing;
    const label = (index) => (files.length > 0 ? `${sealing} (${Math.min(index, files.length)}/${files.length})` : sealing);
    this.showProgress(label(0), 0);

    const { token, entropy } = generateToken();
    let keys;
    try {
      keys = await deriveMailboxKeys(entropy);
    } finally {
      entropy.fill(0);
    }

    const channelRecipient = this.form.dataset.recipient;
    const mailboxRecipient = mailboxRecipientFor(keys, channelRecipient);
    const encrypter = new Encrypter();
    encrypter.addRecipient(channelRecipient);
    encrypter.addRecipient(mailboxRecipient);
    keys.identity = "";
    keys.classicIdentity = "";

    const plain = new TextEncoder().encode(JSON.stringify(reportDocument(this.form, files)));
    let report;
    try {
      report = await encrypter.encrypt(plain);
    } finally {
      plain.fill(0);
    }

    const attachments = [];
    for (let i = 0; i < files.length; i++) {
      this.showProgress(label(i + 1), (100 * doneBytes) / totalBytes);
      const base = doneBytes;
      attachments.push(await sealFile(encrypter, files[i], (read) => {
        this.setProgress((100 * (base + read)) / totalBytes);
      }));
      doneBytes += files[i].size;
    }
    this.setProgress(100);
    return { token, verifierHex: keys.verifierHex, recipient: mailboxRecipient, report, attachments };
  }

  // ---- posting ------------------------------------------------------------------------------------

  buildBody(sealed, proof) {
    const body = new FormData();
    const antiforgery = this.form.querySelector('input[name="__RequestVerificationToken"]');
    body.append("__RequestVerificationToken", antiforgery ? antiforgery.value : "");
    // The form's stamp, or the challenge just solved, and its nonce: before any file (docs/availability.md).
    const stamp = this.form.querySelector('input[name="formStamp"]');
    body.append("formStamp", proof ? proof.challenge : stamp ? stamp.value : "");
    if (proof) {
      body.append("proofNonce", proof.nonce);
    }
    body.append("sealingMode", "browser");
    body.append("mailboxVerifier", sealed.verifierHex);
    body.append("mailboxRecipient", sealed.recipient);
    // How many files the sealed report describes: the server takes no more (docs/report-format.md).
    body.append("attachmentCount", String(sealed.attachments.length));
    for (const wrapper of this.form.querySelectorAll('[data-field][data-clear="true"]')) {
      const name = wrapper.getAttribute("data-field");
      for (const value of fieldValues(wrapper)) {
        body.append(name, value);
      }
    }
    body.append("sealedReport", new Blob([sealed.report], { type: "application/octet-stream" }), "report.age");
    sealed.attachments.forEach((blob, i) => body.append("sealedAttachments", blob, `${i}.age`));
    return body;
  }

  post(body) {
    const url = this.form.getAttribute("action") ? this.form.action : window.location.pathname;
    return postWithProgress(url, body, { Accept: "application/json" }, (percent) => this.setProgress(percent));
  }

  // ---- receipt ------------------------------------------------------------------------------------

  showReceipt(answer, token) {
    const template = document.getElementById("browser-receipt");
    const fragment = template.content.cloneNode(true);
    const receipt = fragment.querySelector("#receipt");
    const values = {
      caseNumber: String(answer.caseNumber),
      receivedOn: String(answer.receivedOn ?? ""),
      files: String(Number.isInteger(answer.files) ? answer.files : 0),
      code: token,
    };
    fill(receipt, "caseNumber", values.caseNumber);
    fill(receipt, "receivedOn", values.receivedOn);
    fill(receipt, "files", values.files);
    fill(receipt, "token", token);
    const download = receipt.querySelector("#receipt-download");
    const text = download ? receiptText(download.dataset.text ?? "", values) : "";
    if (download) {
      download.removeAttribute("data-text");
    }

    window.removeEventListener("beforeunload", this.warnBeforeLeaving);
    // Drop what was typed and chosen from the page, then show the receipt in the form page's place, as the
    // receipt page shows it without JavaScript.
    this.form.reset();
    const main = this.form.closest("main") ?? document.body;
    main.replaceChildren(fragment);
    const heading = receipt.querySelector("h1");
    if (heading) {
      document.title = document.title.replace(/^.*?(?= – |$)/, heading.textContent.trim());
      heading.focus();
    }
    window.scrollTo(0, 0);
    enhanceReceipt(receipt, { text });
  }

  // ---- errors and progress ------------------------------------------------------------------------

  clearErrors() {
    for (const node of this.form.querySelectorAll(".field-error")) {
      node.remove();
    }
    for (const node of this.form.querySelectorAll('[aria-invalid="true"]')) {
      node.setAttribute("aria-invalid", "false");
    }
    for (const node of this.form.querySelectorAll("[data-described-by-error]")) {
      restoreDescribedBy(node);
    }
    if (this.summary) {
      this.summary.replaceChildren();
      this.summary.hidden = true;
    }
  }

  showErrors(problems) {
    const list = document.createElement("ul");
    for (const problem of problems) {
      const wrapper = problem.field ? this.wrapperFor(problem.field) : null;
      const item = document.createElement("li");
      if (wrapper) {
        this.markField(wrapper, problem.message);
        const link = document.createElement("a");
        link.href = `#${targetId(wrapper)}`;
        link.textContent = `${labelOf(wrapper)}: ${problem.message}`;
        item.append(link);
      } else {
        item.textContent = problem.message;
      }
      list.append(item);
    }
    if (!this.summary) {
      return;
    }
    const heading = document.createElement("h2");
    heading.textContent = this.messages.msgNotSent || "";
    this.summary.replaceChildren(heading, list);
    this.summary.hidden = false;
    this.summary.focus();
  }

  wrapperFor(field) {
    if (field === "attachments") {
      return document.getElementById("f-attachments");
    }
    for (const wrapper of this.form.querySelectorAll("[data-field]")) {
      if (wrapper.getAttribute("data-field") === field) {
        return wrapper;
      }
    }
    return null;
  }

  markField(wrapper, message) {
    const errorId = `${wrapper.getAttribute("data-field") ?? wrapper.id}-browser-error`;
    let error = wrapper.querySelector(".field-error");
    if (error) {
      error.textContent = `${error.textContent} ${message}`;
    } else {
      error = document.createElement("p");
      error.className = "field-error";
      error.id = errorId;
      error.textContent = message;
      const hint = wrapper.querySelector(":scope > .hint");
      const anchor = hint ?? wrapper.querySelector(":scope > legend, :scope > label");
      if (anchor && wrapper.getAttribute("data-kind") !== "Checkbox") {
        anchor.after(error);
      } else {
        wrapper.append(error);
      }
    }
    const controls = wrapper.matches("fieldset")
      ? [wrapper, ...wrapper.querySelectorAll("input")]
      : [...wrapper.querySelectorAll("input, select, textarea")];
    for (const control of controls) {
      control.setAttribute("aria-invalid", "true");
    }
    const described = wrapper.matches("fieldset") ? wrapper : firstControl(wrapper);
    if (described) {
      addDescribedBy(described, error.id);
    }
  }

  fail(errors) {
    this.hideProgress();
    this.setBusy(false);
    this.showErrors(errors);
  }

  setBusy(busy) {
    this.busy = busy;
    this.form.setAttribute("aria-busy", busy ? "true" : "false");
    if (this.button) {
      this.button.disabled = busy;
    }
  }

  showProgress(text, percent) {
    if (!this.progress) {
      return;
    }
    this.progress.hidden = false;
    if (this.progressLabel) {
      this.progressLabel.textContent = text;
    }
    this.setProgress(percent);
  }

  setProgress(percent) {
    if (this.progressBar) {
      this.progressBar.value = Math.max(0, Math.min(100, Math.round(percent)));
    }
  }

  hideProgress() {
    if (this.progress) {
      this.progress.hidden = true;
    }
    this.setProgress(0);
  }
}

function addDescribedBy(element, id) {
  const current = (element.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  if (!current.includes(id)) {
    if (!element.hasAttribute("data-described-by-error")) {
      element.setAttribute("data-described-by-error", current.join(" "));
    }
    current.push(id);
    element.setAttribute("aria-describedby", current.join(" "));
  }
}

function restoreDescribedBy(element) {
  const original = element.getAttribute("data-described-by-error") ?? "";
  if (original) {
    element.setAttribute("aria-describedby", original);
  } else {
    element.removeAttribute("aria-describedby");
  }
  element.removeAttribute("data-described-by-error");
}

function fill(root, slot, text) {
  for (const node of root.querySelectorAll(`[data-slot="${slot}"]`)) {
    node.textContent = text;
  }
}

function init() {
  const form = document.querySelector("form.report-form");
  if (form instanceof HTMLFormElement && form.dataset.recipient && globalThis.crypto && globalThis.crypto.getRandomValues) {
    new ReportPage(form).start();
  }
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init, { once: true });
  } else {
    init();
  }
}
