// The receipt's buttons (Pages/Report/_Receipt.cshtml), the same on the receipt page and on the receipt the
// report form's script shows: copy the code, download the receipt as a text file, print, and a warning before
// leaving until "I have saved the code" is ticked. Without JavaScript the download link asks the server, which
// reads the receipt cookie, and the browser's own print command prints the same page.

/**
 * Wires the receipt's buttons.
 * @param {HTMLElement} receipt the section#receipt, already filled in
 * @param {{ text?: string }} [options] the download text when the server could not fill it in (the script's token)
 * @returns {() => void} removes the warning before leaving
 */
export function enhanceReceipt(receipt, options = {}) {
  const messages = receipt.dataset;
  const status = receipt.querySelector("#receipt-action-status");
  const say = (text) => {
    if (status) {
      status.textContent = "";
      // A new text, also when the same one is said twice, so that screen readers announce it.
      setTimeout(() => { status.textContent = text; }, 50);
    }
  };
  const code = () => (receipt.querySelector("#mailbox-token")?.textContent ?? "").trim();

  const copy = receipt.querySelector("#receipt-copy");
  if (copy && navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
    copy.hidden = false;
    copy.addEventListener("click", () => {
      navigator.clipboard.writeText(code()).then(() => say(messages.msgCopied), () => say(messages.msgCopyFailed));
    });
  }

  const download = receipt.querySelector("#receipt-download");
  if (download && typeof options.text === "string") {
    download.addEventListener("click", (event) => {
      event.preventDefault();
      const blob = new Blob([options.text.replace(/\n/g, "\r\n")], { type: "text/plain;charset=utf-8" });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = download.getAttribute("download") || "receipt.txt";
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      say(messages.msgDownloaded);
    });
  } else if (download) {
    download.addEventListener("click", () => say(messages.msgDownloaded));
  }

  const print = receipt.querySelector("#receipt-print");
  if (print && typeof window.print === "function") {
    print.hidden = false;
    print.addEventListener("click", () => window.print());
  }

  const saved = receipt.querySelector("#receipt-saved");
  const confirm = receipt.querySelector("#receipt-confirm");
  const warn = (event) => {
    if (saved && saved.checked) {
      return undefined;
    }
    event.preventDefault();
    event.returnValue = messages.msgLeave || "";
    return messages.msgLeave;
  };
  window.addEventListener("beforeunload", warn);
  const stop = () => window.removeEventListener("beforeunload", warn);
  if (confirm) {
    confirm.addEventListener("submit", (event) => {
      if (saved && !saved.checked) {
        event.preventDefault();
        saved.focus();
        return;
      }
      stop();
    });
  }
  return stop;
}

/** Fills the receipt's download text with what only the browser knows. */
export function receiptText(template, values) {
  return template.replace(/\{(caseNumber|receivedOn|files|code)\}/g, (_, name) => String(values[name] ?? ""));
}
