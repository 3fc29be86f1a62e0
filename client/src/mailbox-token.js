// Mailbox token: the secret a reporter keeps to come back to their case.
//
// 15 random bytes (120 bits), written as 24 Crockford base32 characters plus a
// Luhn mod 32 check character, shown as XXXXX-XXXXX-XXXXX-XXXXX-XXXXC.
// From the 15 bytes, HKDF-SHA256 derives the mailbox authenticator (presented to
// the server with every request; the server stores only its SHA-256, the
// verifier), the v1 lookup id (presented only to move a case from before the
// authenticator to its verifier), the 32-byte seed of the mailbox's hybrid
// post-quantum age identity (never sent; every new case's mailbox) and the
// X25519 secret of the age identity of mailboxes from before post-quantum keys
// (never sent).
//
// This module runs unchanged in browsers and in Node 20: it uses only
// globalThis.crypto.getRandomValues and pure JavaScript dependencies, and it
// has no side effects at import time. It must produce exactly what the server
// library (Intake.Crypto.Mailbox.MailboxToken) produces; see
// docs/mailbox-token.md for the design and the test vectors.

import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bech32 } from "@scure/base";
import { identityToRecipient } from "age-encryption";

/** Crockford base32 alphabet (no I, L, O, U). */
export const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Number of random bytes in a token. */
export const ENTROPY_BYTES = 15;

/** Number of data characters (120 bits / 5 bits per character). */
const DATA_CHARS = 24;

/** Data characters plus the check character. */
const TOKEN_CHARS = DATA_CHARS + 1;

const GROUP_SIZE = 5;

/** Results of {@link parseToken}. */
export const ParseStatus = Object.freeze({
  ok: "ok",
  empty: "empty",
  malformed: "malformed",
  checkCharacterMismatch: "check-character-mismatch",
});

const encoder = new TextEncoder();
const SALT = encoder.encode("intake.mailbox/v1");
const INFO_LOOKUP_ID = encoder.encode("intake.mailbox/v1/lookup-id");
const INFO_IDENTITY = encoder.encode("intake.mailbox/v1/x25519-identity");
const INFO_AUTHENTICATOR = encoder.encode("intake.mailbox/v1/authenticator");
const INFO_HYBRID_SEED = encoder.encode("intake.mailbox/v1/mlkem768x25519-seed");

function checkEntropy(entropy) {
  if (!(entropy instanceof Uint8Array) || entropy.length !== ENTROPY_BYTES) {
    throw new TypeError(`entropy must be a Uint8Array of ${ENTROPY_BYTES} bytes`);
  }
}

/** Encodes 15 bytes as 24 code points (0..31), most significant bit first. */
function toCodePoints(entropy) {
  const points = new Array(DATA_CHARS);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const byte of entropy) {
    buffer = ((buffer << 8) | byte) & 0xfff; // at most 12 bits are ever pending
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      points[index++] = (buffer >> bits) & 31;
    }
  }
  return points;
}

/** Decodes 24 code points back into 15 bytes. */
function fromCodePoints(points) {
  const entropy = new Uint8Array(ENTROPY_BYTES);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const point of points) {
    buffer = ((buffer << 5) | point) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      entropy[index++] = (buffer >> bits) & 0xff;
    }
  }
  return entropy;
}

/** Luhn mod N (N = 32) check code point for the given data code points. */
function checkCodePoint(points) {
  let factor = 2;
  let sum = 0;
  for (let i = points.length - 1; i >= 0; i--) {
    const addend = factor * points[i];
    sum += Math.floor(addend / 32) + (addend % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return (32 - (sum % 32)) % 32;
}

function group(chars) {
  const groups = [];
  for (let i = 0; i < chars.length; i += GROUP_SIZE) {
    groups.push(chars.slice(i, i + GROUP_SIZE));
  }
  return groups.join("-");
}

/**
 * Formats 15 bytes of entropy as a display token `XXXXX-XXXXX-XXXXX-XXXXX-XXXXC`.
 * @param {Uint8Array} entropy
 * @returns {string}
 */
export function formatToken(entropy) {
  checkEntropy(entropy);
  const points = toCodePoints(entropy);
  points.push(checkCodePoint(points));
  return group(points.map((p) => ALPHABET[p]).join(""));
}

/**
 * Generates a new token from the platform CSPRNG.
 * @returns {{token: string, entropy: Uint8Array}}
 */
export function generateToken() {
  const entropy = new Uint8Array(ENTROPY_BYTES);
  globalThis.crypto.getRandomValues(entropy);
  return { token: formatToken(entropy), entropy };
}

// Whitespace and dashes are ignored wherever they appear (people retype the
// token with spaces, or paste it with a line break). Whitespace is the Unicode
// White_Space set, the same as .NET's char.IsWhiteSpace on the server (JavaScript's
// \s differs: it includes U+FEFF and lacks U+0085).
const IGNORED = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000-]/gu;

/**
 * Parses a token as a person typed or pasted it: whitespace and dashes are
 * ignored, letters are case-insensitive, O reads as 0 and I and L read as 1.
 *
 * @param {string | null | undefined} input
 * @returns {{status: string, token?: string, entropy?: Uint8Array}}
 *   `status` is one of {@link ParseStatus}; on "ok", `token` is the canonical
 *   display form and `entropy` the 15 bytes.
 */
export function parseToken(input) {
  if (input === null || input === undefined) {
    return { status: ParseStatus.empty };
  }
  if (typeof input !== "string") {
    return { status: ParseStatus.malformed };
  }
  const compact = input.replace(IGNORED, "");
  if (compact.length === 0) {
    return { status: ParseStatus.empty };
  }
  if (compact.length !== TOKEN_CHARS) {
    return { status: ParseStatus.malformed };
  }
  const points = new Array(TOKEN_CHARS);
  for (let i = 0; i < TOKEN_CHARS; i++) {
    let ch = upperInvariant(compact[i]);
    if (ch === "O") {
      ch = "0";
    } else if (ch === "I" || ch === "L") {
      ch = "1";
    }
    const point = ALPHABET.indexOf(ch);
    if (point < 0) {
      return { status: ParseStatus.malformed };
    }
    points[i] = point;
  }
  const data = points.slice(0, DATA_CHARS);
  if (checkCodePoint(data) !== points[DATA_CHARS]) {
    return { status: ParseStatus.checkCharacterMismatch };
  }
  const entropy = fromCodePoints(data);
  return { status: ParseStatus.ok, token: formatToken(entropy), entropy };
}

// Uppercasing as the server does it (.NET char.ToUpperInvariant), restricted to
// what can land in the alphabet: a-z, and U+017F LATIN SMALL LETTER LONG S, whose
// simple uppercase is S. (U+0131 dotless i is not mapped to I by .NET's invariant
// casing, so it stays invalid here too.) Locale-dependent or full Unicode case
// mapping (String.prototype.toUpperCase turns "ß" into "SS") is never used.
function upperInvariant(ch) {
  const c = ch.charCodeAt(0);
  if (c >= 0x61 && c <= 0x7a) {
    return String.fromCharCode(c - 0x20);
  }
  return c === 0x017f ? "S" : ch;
}

function toHex(bytes) {
  let hex = "";
  for (const b of bytes) {
    hex += b.toString(16).padStart(2, "0");
  }
  return hex;
}

/**
 * Derives the mailbox keys from the 15 entropy bytes of a token.
 *
 * @param {Uint8Array} entropy
 * @returns {Promise<{lookupIdHex: string, authenticatorHex: string, verifierHex: string, identity: string, recipient: string, classicIdentity: string, classicRecipient: string}>}
 *   `authenticatorHex` is the 32-byte authenticator and `verifierHex` its
 *   SHA-256 (what the server stores), `lookupIdHex` the v1 lookup id, all in
 *   lowercase hex; `identity` the hybrid post-quantum age identity
 *   `AGE-SECRET-KEY-PQ-1…` and `recipient` its age recipient `age1pq1…`;
 *   `classicIdentity` the X25519 identity `AGE-SECRET-KEY-1…` and
 *   `classicRecipient` its recipient `age1…`, of mailboxes from before
 *   post-quantum keys.
 */
export async function deriveMailboxKeys(entropy) {
  checkEntropy(entropy);
  const lookupId = hkdf(sha256, entropy, SALT, INFO_LOOKUP_ID, 32);
  const authenticator = hkdf(sha256, entropy, SALT, INFO_AUTHENTICATOR, 32);
  const secret = hkdf(sha256, entropy, SALT, INFO_IDENTITY, 32);
  const seed = hkdf(sha256, entropy, SALT, INFO_HYBRID_SEED, 32);
  let classicIdentity;
  let identity;
  try {
    classicIdentity = bech32.encodeFromBytes("age-secret-key-", secret).toUpperCase();
    identity = bech32.encodeFromBytes("age-secret-key-pq-", seed).toUpperCase();
  } finally {
    secret.fill(0);
    seed.fill(0);
  }
  return {
    lookupIdHex: toHex(lookupId),
    authenticatorHex: toHex(authenticator),
    verifierHex: toHex(sha256(authenticator)),
    identity,
    recipient: await identityToRecipient(identity),
    classicIdentity,
    classicRecipient: await identityToRecipient(classicIdentity),
  };
}

/**
 * The mailbox recipient of the same kind as a channel recipient: a file is
 * sealed to post-quantum recipients only or to X25519 ones only.
 *
 * @param {{recipient: string, classicRecipient: string}} keys
 * @param {string} channelRecipient
 * @returns {string}
 */
export function mailboxRecipientFor(keys, channelRecipient) {
  return channelRecipient.startsWith("age1pq1") ? keys.recipient : keys.classicRecipient;
}
