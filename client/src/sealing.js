// What the browser's sealing shares between the report form and the mailbox: values and file names cleaned
// exactly as the server cleans them, and files sealed with age as streams. No side effects at import time.

// Trimming as the server does it (.NET string.Trim: the Unicode White_Space set). JavaScript's trim() differs:
// it also removes U+FEFF and keeps U+0085.
const WHITESPACE = "\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";
const TRIM = new RegExp(`^[${WHITESPACE}]+|[${WHITESPACE}]+$`, "gu");

/** Trims a value the way the server does, with line breaks normalised to LF (CRLF becomes LF). */
export function cleanValue(value) {
  return String(value).replace(/\r\n/g, "\n").replace(TRIM, "");
}

// Characters that change how a name reads without being seen: controls, format characters (bidi overrides,
// isolates and marks, zero-width joiners), line and paragraph separators, private-use, unassigned and lone
// surrogates (SafeFileName.IsInvisible on the server).
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}\uFFFD]/gu;
const RESERVED = /[/\\:*?"<>|;]/g;

/** The file name as the server keeps it (SafeFileName.Strip): no path, no invisible characters. */
export function cleanFileName(raw) {
  const parts = String(raw ?? "").replace(/\\/g, "/").split("/");
  const name = parts[parts.length - 1].replace(INVISIBLE, "").replace(TRIM, "");
  return truncate(name, 200);
}

/**
 * The name as it is shown and offered for download (SafeFileName.From on the server): whatever a sealed
 * document says, invisible and reserved characters become "_", no leading dots, at most 120 characters.
 */
export function safeFileName(raw) {
  let name = String(raw ?? "").replace(INVISIBLE, "_").replace(RESERVED, "_").replace(TRIM, "").replace(/^\.+/, "").replace(TRIM, "");
  if (name.length === 0 || /^_+$/.test(name)) {
    return "attachment";
  }
  if (name.length > 120) {
    const dot = name.lastIndexOf(".");
    const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : "";
    name = truncate(name, 120 - extension.length) + extension;
  }
  return name;
}

function truncate(text, length) {
  if (text.length <= length) {
    return text;
  }
  const code = text.charCodeAt(length - 1);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(0, length - 1) : text.slice(0, length);
}

/**
 * Seals one file as a stream: the file is read in chunks through the age encrypter (64 KiB STREAM chunks),
 * and the ciphertext chunks are collected into a Blob; the plaintext is never held whole in memory.
 * @param {Encrypter} encrypter
 * @param {File} file
 * @param {(read: number) => void} onRead
 * @returns {Promise<Blob>}
 */
export async function sealFile(encrypter, file, onRead) {
  let read = 0;
  const counter = new TransformStream({
    transform(chunk, controller) {
      read += chunk.byteLength;
      onRead(read);
      controller.enqueue(chunk);
    },
  });
  const sealed = await encrypter.encrypt(file.stream().pipeThrough(counter));
  return collect(sealed, "application/octet-stream");
}

/**
 * Reads a stream of byte chunks to its end into one Blob of the given type.
 * @param {ReadableStream<Uint8Array>} stream
 * @param {string} type
 * @returns {Promise<Blob>}
 */
export async function collect(stream, type) {
  const reader = stream.getReader();
  const parts = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    parts.push(value);
  }
  return new Blob(parts, { type });
}

/**
 * POSTs a body with XMLHttpRequest (fetch cannot report upload progress) and resolves with the status and the
 * parsed JSON answer, or null when the answer is not JSON. Network failures, aborts and timeouts reject.
 */
export function postWithProgress(url, body, headers, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    for (const [name, value] of Object.entries(headers)) {
      xhr.setRequestHeader(name, value);
    }
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress((100 * event.loaded) / event.total);
      }
    };
    xhr.onload = () => {
      let json = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      resolve({ status: xhr.status, json });
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new Error("aborted"));
    xhr.ontimeout = () => reject(new Error("timeout"));
    xhr.send(body);
  });
}
