// Small age command line over the npm age-encryption package, used by the
// C# interoperability tests (Intake.Tests/Interop). Run from anywhere; the
// package resolves from the repository root's node_modules.
//
//   node age-tool.mjs keygen [--hybrid]
//       prints {"identity": "AGE-SECRET-KEY-1…", "recipient": "age1…"}, or with
//       --hybrid a post-quantum pair {"identity": "AGE-SECRET-KEY-PQ-1…", "recipient": "age1pq1…"}
//   node age-tool.mjs recipient AGE-SECRET-KEY-1…|AGE-SECRET-KEY-PQ-1…
//       prints the recipient age1… or age1pq1… of an identity
//   node age-tool.mjs encrypt (--recipient age1…|age1pq1… ... | --passphrase P [--work-factor N])
//                             [--armor] IN OUT [IN OUT ...]
//   node age-tool.mjs decrypt (--identity AGE-SECRET-KEY-1… ... | --passphrase P)
//                             IN OUT [IN OUT ...]
//       armored input is recognised by its BEGIN line
//
// Exit code 0 on success; on failure the error goes to stderr, exit code 1
// (usage errors: 2).

import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import {
  Decrypter,
  Encrypter,
  armor,
  generateHybridIdentity,
  generateX25519Identity,
  identityToRecipient,
} from "age-encryption";

const ARMOR_BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";

class UsageError extends Error {}

function parseArgs(argv) {
  const options = { recipients: [], identities: [], passphrase: null, workFactor: null, armor: false };
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case "--recipient": options.recipients.push(value()); break;
      case "--identity": options.identities.push(value()); break;
      case "--passphrase": options.passphrase = value(); break;
      case "--work-factor": options.workFactor = Number.parseInt(value(), 10); break;
      case "--armor": options.armor = true; break;
      default:
        if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
        files.push(arg);
    }
  }
  if (files.length === 0 || files.length % 2 !== 0) {
    throw new UsageError("expected IN OUT pairs");
  }
  const pairs = [];
  for (let i = 0; i < files.length; i += 2) pairs.push([files[i], files[i + 1]]);
  return { options, pairs };
}

async function encrypt({ options, pairs }) {
  const e = new Encrypter();
  if (options.passphrase !== null) {
    e.setPassphrase(options.passphrase);
    if (options.workFactor !== null) e.setScryptWorkFactor(options.workFactor);
  }
  for (const r of options.recipients) e.addRecipient(r);
  if (options.passphrase === null && options.recipients.length === 0) {
    throw new UsageError("encrypt needs --recipient or --passphrase");
  }
  for (const [input, output] of pairs) {
    const sealed = await e.encrypt(new Uint8Array(readFileSync(input)));
    writeFileSync(output, options.armor ? armor.encode(sealed) : sealed);
  }
}

async function decrypt({ options, pairs }) {
  const d = new Decrypter();
  if (options.passphrase !== null) d.addPassphrase(options.passphrase);
  for (const i of options.identities) d.addIdentity(i);
  if (options.passphrase === null && options.identities.length === 0) {
    throw new UsageError("decrypt needs --identity or --passphrase");
  }
  for (const [input, output] of pairs) {
    let sealed = new Uint8Array(readFileSync(input));
    const head = new TextDecoder().decode(sealed.subarray(0, 64)).trimStart();
    if (head.startsWith(ARMOR_BEGIN)) {
      sealed = armor.decode(new TextDecoder().decode(sealed));
    }
    writeFileSync(output, await d.decrypt(sealed));
  }
}

async function keygen(rest) {
  if (rest.length > 1 || (rest.length === 1 && rest[0] !== "--hybrid")) {
    throw new UsageError("keygen takes only --hybrid");
  }
  const identity = rest.length === 1 ? await generateHybridIdentity() : await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  process.stdout.write(`${JSON.stringify({ identity, recipient })}\n`);
}

async function main(argv) {
  const [command, ...rest] = argv;
  switch (command) {
    case "keygen": return keygen(rest);
    case "recipient": {
      if (rest.length !== 1) throw new UsageError("recipient takes one identity");
      process.stdout.write(`${await identityToRecipient(rest[0])}\n`);
      return undefined;
    }
    case "encrypt": return encrypt(parseArgs(rest));
    case "decrypt": return decrypt(parseArgs(rest));
    default: throw new UsageError(`unknown command ${command ?? "(none)"}`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`age-tool: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
