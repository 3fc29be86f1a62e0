// The files a reporter chose, listed under the file field with their sizes, each with a button that removes it,
// and checked against the limits the server rendered into the form the moment they are chosen. Choosing more
// files adds to the list; the file input always holds exactly the listed files.

/**
 * A size in the page's language: "820 kB", "1,2 MB".
 * @param {number} bytes
 * @param {string} language
 */
export function formatSize(bytes, language) {
  const [unit, value] = bytes >= 1_000_000 ? ["megabyte", bytes / 1_000_000] : ["kilobyte", Math.max(bytes, 1) / 1000];
  try {
    return new Intl.NumberFormat(language, { style: "unit", unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  } catch {
    return `${value.toFixed(1)} ${unit === "megabyte" ? "MB" : "kB"}`;
  }
}

/**
 * What is wrong with a selection, by the form's limits: each file over the per-file limit (by its place), and
 * whether the total or the count is over.
 * @param {{size: number}[]} files
 * @param {{maxFile: number, maxTotal: number, maxFiles: number}} limits
 */
export function checkFiles(files, limits) {
  const tooLarge = [];
  let total = 0;
  files.forEach((file, index) => {
    total += file.size;
    if (limits.maxFile > 0 && file.size > limits.maxFile) {
      tooLarge.push(index);
    }
  });
  return {
    tooLarge,
    totalTooLarge: limits.maxTotal > 0 && total > limits.maxTotal,
    tooMany: limits.maxFiles > 0 && files.length > limits.maxFiles,
  };
}

function sameFile(a, b) {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

export class ChosenFiles {
  /**
   * @param {HTMLInputElement} input
   * @param {DOMStringMap} messages the form's data-msg-* texts
   * @param {(problems: {tooLarge: number[], totalTooLarge: boolean, tooMany: boolean}) => void} onChange
   */
  constructor(input, messages, onChange) {
    this.input = input;
    this.messages = messages;
    this.onChange = onChange;
    /** @type {File[]} */
    this.files = [];
    this.list = document.createElement("ul");
    this.list.className = "chosen-files";
    this.list.id = "chosen-files";
    this.list.setAttribute("aria-label", messages.msgFilesChosen ?? "");
    this.list.hidden = true;
    this.status = document.createElement("p");
    this.status.className = "visually-hidden";
    this.status.id = "chosen-files-status";
    this.status.setAttribute("aria-live", "polite");
    input.after(this.list, this.status);
    input.addEventListener("change", () => this.add(Array.from(input.files ?? [])));
  }

  get limits() {
    return {
      maxFile: Number(this.messages.maxFileBytes),
      maxTotal: Number(this.messages.maxTotalBytes),
      maxFiles: Number(this.messages.maxFiles),
    };
  }

  check() {
    return checkFiles(this.files, this.limits);
  }

  /** @param {File[]} chosen */
  add(chosen) {
    for (const file of chosen) {
      if (!this.files.some((f) => sameFile(f, file))) {
        this.files.push(file);
      }
    }
    this.sync();
  }

  remove(index) {
    const [file] = this.files.splice(index, 1);
    this.sync();
    if (file) {
      this.status.textContent = (this.messages.msgFileRemoved ?? "{0}").replace("{0}", file.name);
    }
    const buttons = this.list.querySelectorAll("button");
    const next = buttons[Math.min(index, buttons.length - 1)];
    (next ?? this.input).focus();
  }

  clear() {
    this.files = [];
    this.sync();
  }

  /** The input holds the listed files, the list shows them, and the form hears what is wrong at once. */
  sync() {
    if (typeof DataTransfer === "function") {
      try {
        const transfer = new DataTransfer();
        for (const file of this.files) {
          transfer.items.add(file);
        }
        this.input.files = transfer.files;
      } catch {
        // An old browser: the list is still what is sent.
      }
    }
    this.render();
    this.onChange(this.check());
  }

  render() {
    const problems = this.check();
    const language = document.documentElement.lang || undefined;
    const items = this.files.map((file, index) => {
      const item = document.createElement("li");
      item.className = "chosen-file";
      const name = document.createElement("span");
      name.className = "chosen-file__name";
      name.textContent = file.name;
      const size = document.createElement("span");
      size.className = "chosen-file__size";
      size.textContent = formatSize(file.size, language);
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "button button--secondary button--small";
      remove.textContent = this.messages.msgRemoveFile ?? "";
      remove.setAttribute("aria-label", (this.messages.msgRemoveNamed ?? "{0}").replace("{0}", file.name));
      remove.addEventListener("click", () => this.remove(index));
      item.append(name, " ", size, " ", remove);
      if (problems.tooLarge.includes(index)) {
        item.classList.add("chosen-file--refused");
        const error = document.createElement("p");
        error.className = "field-error";
        error.textContent = this.messages.msgFileTooLarge ?? "";
        item.append(error);
      }
      return item;
    });
    this.list.replaceChildren(...items);
    this.list.hidden = items.length === 0;
  }
}
