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
import { ChosenFiles } from "./chosen-files.js";
import { enhanceIdentityChoice } from "./identity-choice.js";
import { FormSteps } from "./form-steps.js";

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
    // A control in a disabled group (name and contact while anonymous) is disabled too, but only :disabled says so.
    if (control.name !== name || control.matches(":disabled")) {
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

/**
 * What is wrong with one field's answer by the rules the server rendered from the form definition: required
 * (data-required, data-msg-missing), required because of another answer (data-required-when) and a date not
 * after the day the page was made (data-not-after). Null when nothing is.
 * @param {Element} wrapper
 * @param {(name: string) => string} answerOf the first value of another field
 */
export function fieldProblem(wrapper, answerOf) {
  const values = fieldValues(wrapper);
  const data = /** @type {HTMLElement} */ (wrapper).dataset;
  if (values.length === 0) {
    if (data.required === "true") {
      return data.msgMissing ?? "";
    }
    if (data.requiredWhen) {
      let conditions = [];
      try {
        conditions = JSON.parse(data.requiredWhen);
      } catch {
        conditions = [];
      }
      const met = Array.isArray(conditions) ? conditions.find((c) => c && answerOf(String(c.field)) === String(c.value)) : null;
      if (met) {
        return String(met.message ?? "");
      }
    }
    return null;
  }
  if (data.notAfter && /^\d{4}-\d{2}-\d{2}$/.test(values[0]) && values[0] > data.notAfter) {
    return data.msgNotAfter ?? "";
  }
  return null;
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
    this.summary = document.getElementById("error-summary");
    this.title = document.title;
    this.progress = document.getElementById("seal-progress");
    this.progressLabel = document.getElementById("seal-progress-label");
    this.progressBar = document.getElementById("seal-progress-bar");
    this.button = form.querySelector('button[type="submit"], input[type="submit"]');
    this.busy = false;
  }

  start() {
    const input = fileInput(this.form);
    this.files = input ? new ChosenFiles(input, this.messages, (problems) => this.showFileProblems(problems)) : null;
    enhanceIdentityChoice(this.form);
    // In steps: each is checked by the same rules as Send before the next shows.
    this.steps = new FormSteps(this.form, { check: (parts) => this.checkStep(parts), leave: () => this.clearErrors() });
    if (!this.steps.start()) {
      this.steps = null;
    }
    if (this.summary) {
      // A link in the error summary to a field of another step shows that step first.
      this.summary.addEventListener("click", (event) => {
        const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
        const target = link ? document.getElementById(link.getAttribute("href").slice(1)) : null;
        if (this.steps && target) {
          this.steps.showStepOf(target);
        }
      });
    }
    // An error goes away as soon as its answer is fixed.
    this.form.addEventListener("input", (event) => this.recheck(event.target));
    this.form.addEventListener("change", (event) => this.recheck(event.target));
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
    // Without JavaScript the language switch posts the form, to be shown again in the other language with what was
    // typed. Here it is the link it stands for: nothing typed reaches the server, and leaving asks first.
    for (const button of document.querySelectorAll("button[formaction][data-href]")) {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        window.location.assign(button.dataset.href);
      });
    }
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      // Enter in a field before the last step means Next, not Send.
      if (this.steps && !this.steps.onLast) {
        this.steps.forward();
        return;
      }
      if (!this.busy) {
        this.submit().catch(() => this.fail([{ field: "", message: this.messages.msgFailed }]));
      }
    });
  }

  async submit() {
    this.clearErrors();
    const files = this.files ? [...this.files.files] : [];
    this.sending = files;
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
      ? answer.json.errors.map((e) => this.serverError(e, files))
      : [{ field: "", message: this.messages.msgFailed }];
    if (answer.json && answer.json.expired === true) {
      // The form had expired: a fresh token and stamp make the next Send work, with nothing typed again.
      await this.refreshForm().catch(() => undefined);
    }
    this.fail(errors);
  }

  /** One of the server's errors; a file is named by its place in the reporter's selection, never by its sealed part. */
  serverError(e, files) {
    const message = String(e.message ?? this.messages.msgFailed);
    const file = Number.isInteger(e.index) ? files[e.index] : undefined;
    return { field: String(e.field ?? ""), message: file ? `${file.name}: ${message}` : message };
  }

  /** Takes the antiforgery token and the form stamp from the form page served afresh. */
  async refreshForm() {
    const response = await fetch(window.location.pathname, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (!response.ok) {
      return;
    }
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const name of ["__RequestVerificationToken", "formStamp"]) {
      const from = fresh.querySelector(`form.report-form input[name="${name}"]`);
      const to = this.form.querySelector(`input[name="${name}"]`);
      if (from instanceof HTMLInputElement && to instanceof HTMLInputElement) {
        to.value = from.value;
      }
    }
  }

  // ---- validation ---------------------------------------------------------------------------------

  /**
   * Checks one step's parts as Send checks the whole form, and shows what is wrong in the error summary.
   * @param {Element[]} parts
   * @returns {boolean} whether the step may be left
   */
  checkStep(parts) {
    this.clearErrors();
    const files = this.files ? [...this.files.files] : [];
    const withFiles = parts.some((part) => part.querySelector("#f-attachments"));
    const problems = [...this.validateFields(parts), ...(withFiles ? this.validateFiles(files) : [])];
    if (problems.length > 0) {
      this.showErrors(problems);
      return false;
    }
    return true;
  }

  /** Every field's problem by the form definition's rules (see fieldProblem), in the given parts of the form. */
  validateFields(parts = [this.form]) {
    const problems = [];
    for (const wrapper of parts.flatMap((part) => [...part.querySelectorAll("[data-field]")])) {
      const message = fieldProblem(wrapper, (name) => this.answerOf(name));
      if (message !== null) {
        problems.push({ field: wrapper.getAttribute("data-field"), message: message || this.messages.msgRequired });
      }
    }
    return problems;
  }

  answerOf(name) {
    const wrapper = this.wrapperFor(name);
    return wrapper ? fieldValues(wrapper)[0] ?? "" : "";
  }

  /**
   * After an answer changed: each field showing an error whose answer is now fine loses it, and the summary its
   * line. Fields that depend on this one (a name on the identity choice) are looked at too. Nothing new is
   * flagged while the reporter is still typing.
   */
  recheck(target) {
    if (!(target instanceof Element) || target.matches('input[type="file"]')) {
      return;
    }
    for (const wrapper of this.form.querySelectorAll("[data-field]")) {
      if (!wrapper.querySelector(".field-error")) {
        continue;
      }
      if (fieldProblem(wrapper, (name) => this.answerOf(name)) === null) {
        this.clearField(wrapper.getAttribute("data-field") ?? "");
      }
    }
  }

  validateFiles(files) {
    const check = this.files ? this.files.check() : { tooLarge: [], totalTooLarge: false, tooMany: false };
    const problems = check.tooLarge.map((i) => ({ field: "attachments", message: `${files[i].name}: ${this.messages.msgFileTooLarge}` }));
    if (check.totalTooLarge) {
      problems.push({ field: "attachments", message: this.messages.msgTotalTooLarge });
    }
    if (check.tooMany) {
      problems.push({ field: "attachments", message: this.messages.msgTooMany || this.messages.msgTotalTooLarge });
    }
    return problems;
  }

  /** A file over a limit is flagged the moment it is chosen; removing it clears the flag. */
  showFileProblems(check) {
    this.clearField("attachments");
    const messages = [];
    if (check.tooLarge.length > 0) {
      messages.push(this.messages.msgFileTooLarge);
    }
    if (check.totalTooLarge) {
      messages.push(this.messages.msgTotalTooLarge);
    }
    if (check.tooMany) {
      messages.push(this.messages.msgTooMany);
    }
    const wrapper = this.wrapperFor("attachments");
    if (wrapper && messages.length > 0) {
      this.markField(wrapper, messages.join(" "));
    }
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
    if (this.files) {
      this.files.clear();
    }
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
      if (!node.closest("#chosen-files")) {
        node.remove();
      }
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
    document.title = this.title;
  }

  /** Takes one field's error away, and its line in the summary; an empty summary goes away with it. */
  clearField(field) {
    const wrapper = this.wrapperFor(field);
    if (wrapper) {
      for (const node of wrapper.querySelectorAll(".field-error")) {
        if (!node.closest("#chosen-files")) {
          node.remove();
        }
      }
      for (const node of [wrapper, ...wrapper.querySelectorAll('[aria-invalid="true"]')]) {
        if (node.hasAttribute("aria-invalid")) {
          node.setAttribute("aria-invalid", "false");
        }
      }
      for (const node of [wrapper, ...wrapper.querySelectorAll("[data-described-by-error]")]) {
        if (node.hasAttribute("data-described-by-error")) {
          restoreDescribedBy(node);
        }
      }
    }
    if (!this.summary || this.summary.hidden) {
      return;
    }
    for (const item of this.summary.querySelectorAll("li[data-field]")) {
      if (item.getAttribute("data-field") === field) {
        item.remove();
      }
    }
    if (!this.summary.querySelector("li")) {
      this.summary.replaceChildren();
      this.summary.hidden = true;
      document.title = this.title;
    }
  }

  /** The one error summary (Pages/Shared/_ErrorSummary), filled as the server fills it, and the title says "Fel:". */
  showErrors(problems) {
    const list = document.createElement("ul");
    for (const problem of problems) {
      const wrapper = problem.field ? this.wrapperFor(problem.field) : null;
      const item = document.createElement("li");
      if (wrapper) {
        item.setAttribute("data-field", problem.field);
        this.markField(wrapper, problem.message);
        const link = document.createElement("a");
        link.href = `#${targetId(wrapper)}`;
        link.textContent = problem.field === "attachments" ? problem.message : `${labelOf(wrapper)}: ${problem.message}`;
        item.append(link);
      } else {
        item.textContent = problem.message;
      }
      list.append(item);
    }
    if (this.steps) {
      // The step of the first problem shows, so that its field can be fixed.
      const first = problems.map((p) => (p.field ? this.wrapperFor(p.field) : null)).find((w) => w);
      if (first) {
        this.steps.showStepOf(first);
      }
    }
    if (!this.summary) {
      return;
    }
    const heading = document.createElement("h2");
    heading.id = "error-summary-heading";
    heading.textContent = this.summary.dataset.heading || this.messages.msgNotSent || "";
    this.summary.replaceChildren(heading, list);
    this.summary.hidden = false;
    if (this.messages.msgErrorTitle) {
      document.title = this.messages.msgErrorTitle.replace("{0}", this.title);
    }
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
    let error = wrapper.querySelector(":scope > .field-error");
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
