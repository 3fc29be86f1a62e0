// Command line over client/src/mailbox-token.js, used by the C# tests that
// compare the JavaScript and C# mailbox tokens (Intake.Tests/Interop).
//
//   node mailbox-tool.mjs generate COUNT
//       prints a JSON array of COUNT fresh tokens with their derived keys:
//       [{"token", "entropyHex", "lookupIdHex", "authenticatorHex", "verifierHex",
//         "identity", "recipient" (X25519), "hybridIdentity", "hybridRecipient"}, ...]
//   node mailbox-tool.mjs derive
//       reads a JSON array of strings (typed tokens) from stdin and prints a
//       JSON array with, for each, {"input", "status"} and, when the status is
//       "ok", also "token", "entropyHex", "lookupIdHex", "identity", "recipient"
//   node mailbox-tool.mjs derive-entropy HEX [HEX ...]
//       like derive, for raw 15-byte entropy given in hex
//   node mailbox-tool.mjs seal TOKEN IN OUT
//       seals IN to the hybrid post-quantum recipient derived from TOKEN (binary age file)
//
// Exit code 0 on success; on failure the error goes to stderr, exit code 1.

import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { Encrypter } from "age-encryption";
import {
  deriveMailboxKeys,
  formatToken,
  generateToken,
  parseToken,
} from "../../../client/src/mailbox-token.js";

const toHex = (bytes) => Buffer.from(bytes).toString("hex");

function fromHex(hex) {
  if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw new Error(`not hex: ${hex}`);
  return new Uint8Array(Buffer.from(hex, "hex"));
}

async function describe(token, entropy) {
  const keys = await deriveMailboxKeys(entropy);
  return {
    token,
    entropyHex: toHex(entropy),
    lookupIdHex: keys.lookupIdHex,
    authenticatorHex: keys.authenticatorHex,
    verifierHex: keys.verifierHex,
    identity: keys.classicIdentity,
    recipient: keys.classicRecipient,
    hybridIdentity: keys.identity,
    hybridRecipient: keys.recipient,
  };
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function print(value) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

async function main([command, ...args]) {
  switch (command) {
    case "generate": {
      const count = Number.parseInt(args[0] ?? "1", 10);
      const out = [];
      for (let i = 0; i < count; i++) {
        const { token, entropy } = generateToken();
        out.push(await describe(token, entropy));
      }
      return print(out);
    }
    case "derive": {
      const inputs = JSON.parse(await readStdin());
      const out = [];
      for (const input of inputs) {
        const parsed = parseToken(input);
        out.push(parsed.status === "ok"
          ? { input, status: parsed.status, ...(await describe(parsed.token, parsed.entropy)) }
          : { input, status: parsed.status });
      }
      return print(out);
    }
    case "derive-entropy": {
      const out = [];
      for (const hex of args) {
        const entropy = fromHex(hex);
        out.push(await describe(formatToken(entropy), entropy));
      }
      return print(out);
    }
    case "seal": {
      const [token, input, output] = args;
      const parsed = parseToken(token);
      if (parsed.status !== "ok") throw new Error(`token: ${parsed.status}`);
      const { recipient } = await deriveMailboxKeys(parsed.entropy);
      const e = new Encrypter();
      e.addRecipient(recipient);
      writeFileSync(output, await e.encrypt(new Uint8Array(readFileSync(input))));
      return undefined;
    }
    default:
      throw new Error(`unknown command ${command ?? "(none)"}`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`mailbox-tool: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
