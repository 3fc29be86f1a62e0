// The npm age-encryption package's passkey recipient and identity (age-encryption.org/fido2prf) under Node, for
// the C# interoperability tests. Node has no authenticator: navigator.credentials.get is a stand-in whose PRF
// outputs are the ones given, and it checks that age asked for both inputs of one nonce.
//
//   node fido2prf-tool.mjs encrypt FIRST_HEX SECOND_HEX IN OUT
//       seals IN to the passkey; prints the hex nonce of the stanza
//   node fido2prf-tool.mjs decrypt FIRST_HEX SECOND_HEX IN OUT
//       opens IN with the passkey
//
// Exit code 0 on success; on failure the error goes to stderr, exit code 1.

import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { Decrypter, Encrypter, webauthn } from "age-encryption";

const label = "age-encryption.org/fido2prf";
const hex = (text) => Uint8Array.from(text.match(/../g), (h) => parseInt(h, 16));
const toHex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");

const [mode, firstHex, secondHex, input, output] = process.argv.slice(2);
let nonce = null;
Object.defineProperty(globalThis, "navigator", {
  configurable: true,
  value: {
    credentials: {
      get: async (options) => {
        const { first, second } = options.publicKey.extensions.prf.eval;
        const prefix = new TextEncoder().encode(label);
        if (first[prefix.length] !== 1 || second[prefix.length] !== 2 || toHex(first.slice(prefix.length + 1)) !== toHex(second.slice(prefix.length + 1))) {
          throw new Error("unexpected PRF inputs");
        }
        nonce = first.slice(prefix.length + 1);
        return { getClientExtensionResults: () => ({ prf: { results: { first: hex(firstHex).buffer, second: hex(secondHex).buffer } } }) };
      },
    },
  },
});

try {
  const data = new Uint8Array(readFileSync(input));
  if (mode === "encrypt") {
    const encrypter = new Encrypter();
    encrypter.addRecipient(new webauthn.WebAuthnRecipient({ rpId: "localhost" }));
    writeFileSync(output, await encrypter.encrypt(data));
    process.stdout.write(toHex(nonce) + "\n");
  } else if (mode === "decrypt") {
    const decrypter = new Decrypter();
    decrypter.addIdentity(new webauthn.WebAuthnIdentity({ rpId: "localhost" }));
    writeFileSync(output, await decrypter.decrypt(data));
  } else {
    throw new Error("usage: fido2prf-tool.mjs encrypt|decrypt FIRST_HEX SECOND_HEX IN OUT");
  }
} catch (error) {
  process.stderr.write(String(error?.message ?? error) + "\n");
  process.exit(1);
}
