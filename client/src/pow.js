// Hashcash over a server-issued challenge (ProofOfWork on the server, docs/availability.md): find a decimal nonce
// such that SHA-256(UTF-8(challenge + ":" + nonce)) starts with at least `bits` zero bits. No side effects at import.
import { sha256 } from "@noble/hashes/sha2.js";

const encoder = new TextEncoder();

/** Leading zero bits of a hash. */
export function leadingZeroBits(hash) {
  let zeros = 0;
  for (const byte of hash) {
    if (byte === 0) {
      zeros += 8;
      continue;
    }
    return zeros + Math.clz32(byte) - 24;
  }
  return zeros;
}

export function isSolution(challenge, nonce, bits) {
  return leadingZeroBits(sha256(encoder.encode(`${challenge}:${nonce}`))) >= bits;
}

/**
 * Searches nonces start, start + stride, … for at most `count` tries.
 * @returns {string | null} the nonce found, or null
 */
export function search(challenge, bits, start, stride, count) {
  const prefix = encoder.encode(`${challenge}:`);
  for (let i = 0, nonce = start; i < count; i++, nonce += stride) {
    const digits = encoder.encode(String(nonce));
    const input = new Uint8Array(prefix.length + digits.length);
    input.set(prefix);
    input.set(digits, prefix.length);
    if (leadingZeroBits(sha256(input)) >= bits) {
      return String(nonce);
    }
  }
  return null;
}

/**
 * Solves in a Web Worker served by Intake (so the page stays responsive), or, where workers are not available,
 * in slices on the page itself.
 * @param {string} workerUrl
 * @returns {Promise<string>}
 */
export function solve(challenge, bits, workerUrl) {
  if (typeof Worker === "function" && workerUrl) {
    return new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl, { type: "module" });
      worker.onmessage = (event) => {
        worker.terminate();
        resolve(String(event.data.nonce));
      };
      worker.onerror = (error) => {
        worker.terminate();
        reject(error);
      };
      worker.postMessage({ challenge, bits });
    });
  }
  return new Promise((resolve) => {
    let start = 0;
    const slice = () => {
      const found = search(challenge, bits, start, 1, 20000);
      if (found !== null) {
        resolve(found);
        return;
      }
      start += 20000;
      setTimeout(slice, 0);
    };
    slice();
  });
}
