#!/usr/bin/env node
// Opens an Intake export bundle away from Intake, with Node.js 20 or newer and the npm package age-encryption
// 0.3.1 (installed by `npm ci` at the root of Intake's source, or by `npm install age-encryption@0.3.1` beside this
// file). It opens what the stock age tool before 1.3 cannot: files sealed to post-quantum hybrid keys
// (AGE-SECRET-KEY-PQ-1…), as well as X25519 ones.
//
// Usage: node open-bundle.mjs IDENTITY BUNDLE-FOLDER OUT-FOLDER
//   IDENTITY       the channel identity from the case's export page ({channel}-identity.age, asks for its
//                  passphrase: typed at the terminal, or the first line of standard input), or an identity file
//                  already opened (identity.txt)
//   BUNDLE-FOLDER  the unpacked export bundle
//   OUT-FOLDER     where the opened files go, under the bundle's names without ".age"; it must not exist yet
// Every file is streamed: nothing is held whole in memory. A file that does not open is reported and skipped, and
// the exit code is then 1.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { Readable, Writable } from "node:stream";
import { Decrypter, armor } from "age-encryption";

const usage = "Usage: node open-bundle.mjs IDENTITY BUNDLE-FOLDER OUT-FOLDER";
const keyLine = /^AGE-SECRET-KEY-(PQ-)?1[0-9A-Z]+$/;

async function main(args) {
  if (args.length !== 3) {
    return fail(usage, 2);
  }

  const [identityPath, bundle, out] = args;
  if (!(await isFolder(bundle))) {
    return fail(`${bundle} is not a folder: unpack the bundle (.zip) first.`, 2);
  }

  if (await exists(out)) {
    return fail(`${out} exists already: name a new folder for the opened files.`, 2);
  }

  const keys = await readIdentities(identityPath);
  if (keys === null) {
    return 1;
  }

  const decrypter = new Decrypter();
  for (const key of keys) {
    decrypter.addIdentity(key);
  }

  keys.length = 0;
  let opened = 0;
  let failed = 0;
  for (const file of await sealedFiles(bundle)) {
    const relative = path.relative(bundle, file);
    const target = path.join(out, relative.slice(0, -".age".length));
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    try {
      const plain = await decrypter.decrypt(Readable.toWeb(createReadStream(file)));
      await plain.pipeTo(Writable.toWeb(createWriteStream(target, { mode: 0o600 })));
      opened++;
    } catch (error) {
      await rm(target, { force: true });
      console.error(`${relative}: does not open with this identity (${error.message})`);
      failed++;
    }
  }

  console.log(`Opened ${opened} file(s) into ${out}${failed > 0 ? `; ${failed} did not open` : ""}.`);
  return failed > 0 ? 1 : 0;
}

// The identity file's secret keys: opened with its passphrase when it is an age file, read as it is otherwise.
async function readIdentities(identityPath) {
  let contents;
  try {
    contents = await readFile(identityPath);
  } catch (error) {
    return failNull(`${identityPath}: ${error.message}`);
  }

  let text = contents.toString("utf8");
  if (text.startsWith("age-encryption.org/v1") || text.startsWith("-----BEGIN AGE ENCRYPTED FILE-----")) {
    const passphrase = await readPassphrase(`Passphrase for ${path.basename(identityPath)}: `);
    const opener = new Decrypter();
    opener.addPassphrase(passphrase);
    try {
      const sealed = text.startsWith("-----BEGIN") ? armor.decode(text) : new Uint8Array(contents);
      text = await opener.decrypt(sealed, "text");
    } catch {
      return failNull(`The passphrase does not open ${identityPath}.`);
    }
  }

  const keys = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => keyLine.test(line));
  if (keys.length === 0) {
    return failNull(`${identityPath} holds no age identity (AGE-SECRET-KEY-1… or AGE-SECRET-KEY-PQ-1…).`);
  }

  return keys;
}

async function readPassphrase(prompt) {
  const lines = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stderr : undefined, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stderr.write(prompt);
    // The typed passphrase is not echoed.
    lines._writeToOutput = () => {};
  }

  for await (const line of lines) {
    lines.close();
    if (process.stdin.isTTY) {
      process.stderr.write("\n");
    }

    return line;
  }

  return "";
}

async function sealedFiles(folder) {
  const found = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".age")) {
      found.push(path.join(entry.parentPath ?? entry.path, entry.name));
    }
  }

  return found.sort();
}

async function isFolder(p) {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function exists(p) {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

function fail(message, code) {
  console.error(message);
  return code;
}

function failNull(message) {
  console.error(message);
  return null;
}

process.exitCode = await main(process.argv.slice(2));
