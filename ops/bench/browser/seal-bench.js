// Sealing in the browser, as the report form and the mailbox do it (the npm age-encryption package): one item
// sealed to two recipients of one kind (the channel and the mailbox), timed with performance.now(). Bundled by
// ops/bench/browser-seal.sh into a classic script and run in Chromium by Intake.Bench (BrowserSealBench).
import { Encrypter, generateHybridIdentity, generateX25519Identity, identityToRecipient } from "age-encryption";

async function recipient(kind) {
  const identity = kind === "hybrid" ? await generateHybridIdentity() : await generateX25519Identity();
  return identityToRecipient(identity);
}

function randomBytes(size) {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65536)));
  }
  return bytes;
}

/** Seals `items` items of `size` bytes to two recipients of `kind`; returns each item's milliseconds and the sealed size. */
globalThis.sealBench = async (kind, size, items) => {
  const recipients = [await recipient(kind), await recipient(kind)];
  const data = randomBytes(size);
  const seal = () => {
    const encrypter = new Encrypter();
    for (const r of recipients) {
      encrypter.addRecipient(r);
    }
    return encrypter.encrypt(data);
  };
  let sealed = await seal();
  const times = [];
  for (let i = 0; i < items; i++) {
    const start = performance.now();
    sealed = await seal();
    times.push(performance.now() - start);
  }
  return { times, sealedBytes: sealed.length };
};
