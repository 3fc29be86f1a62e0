// Unit tests for client/src/mailbox-token.js. Run from the repository root:
//   node --test client/test/
// The vectors below were computed independently of this module (HKDF-SHA256
// and the Luhn mod 32 check in a separate implementation, the recipients with
// `age-keygen -y`; the authenticator and its SHA-256 verifier with Python's
// hmac and hashlib; the hybrid identity's seed with the same HKDF in Python
// and Bech32 by a separate Python encoder, its recipient by the npm
// age-encryption package, given here by its SHA-256).

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { Decrypter, Encrypter } from "age-encryption";
import {
  ALPHABET,
  ENTROPY_BYTES,
  ParseStatus,
  deriveMailboxKeys,
  formatToken,
  generateToken,
  mailboxRecipientFor,
  parseToken,
} from "../src/mailbox-token.js";

const hex = (s) => Uint8Array.from(s.match(/../g).map((b) => parseInt(b, 16)));

/** The derived keys against a vector: the X25519 pair in full, the hybrid recipient by its SHA-256. */
function assertKeys(keys, v) {
  assert.deepEqual(
    {
      lookupIdHex: keys.lookupIdHex,
      authenticatorHex: keys.authenticatorHex,
      verifierHex: keys.verifierHex,
      identity: keys.classicIdentity,
      recipient: keys.classicRecipient,
      hybridIdentity: keys.identity,
      hybridRecipientSha256: createHash("sha256").update(keys.recipient, "ascii").digest("hex"),
    },
    {
      lookupIdHex: v.lookupIdHex,
      authenticatorHex: v.authenticatorHex,
      verifierHex: v.verifierHex,
      identity: v.identity,
      recipient: v.recipient,
      hybridIdentity: v.hybridIdentity,
      hybridRecipientSha256: v.hybridRecipientSha256,
    },
  );
  assert.ok(keys.recipient.startsWith("age1pq1"));
  assert.equal(mailboxRecipientFor(keys, keys.recipient), keys.recipient);
  assert.equal(mailboxRecipientFor(keys, keys.classicRecipient), keys.classicRecipient);
}

const vectors = [
  {
    entropy: "000000000000000000000000000000",
    token: "00000-00000-00000-00000-00000",
    lookupIdHex: "0a99683f25b02eb1bc011af03ab8d5e8124c35e2dd0cdede5ce87823a187bc70",
    authenticatorHex: "9636353fded4ce86016036b9dd821d1f33945547328a41525632eebc09554d5d",
    verifierHex: "939f4f029e7a05e64dbce5e743c6ec61a1e7b982ed9150d5a28efd5132c555e7",
    identity: "AGE-SECRET-KEY-166QLNF79KTD2WKDA5AFMR9MLPDPPUH92VJY2K9EC0LNL2W2E6PTS00PWAJ",
    recipient: "age1272yq4vn3qzjx2sd9p9ff85ya66xqsu3tgdtazksqthqjnw5rc9q8t8vwp",
    hybridIdentity: "AGE-SECRET-KEY-PQ-1W68ZCQ39XAF7QRVSU9HKFRNPAQDKTLSQ5Y2Y2567WKTMPNA8VRSQZEKDKN",
    hybridRecipientSha256: "0557455563236e46a5da224540ecdd1ae0a4541e639275e3d405317fff75a5a9",
  },
  {
    entropy: "ffffffffffffffffffffffffffffff",
    token: "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZR",
    lookupIdHex: "f41d839c5ee74fa80c4d87a8bf41bbd54a6ab779565b3f8e1da1526895e41741",
    authenticatorHex: "bc1f0696033a97d42f5e882b5cc24953195f15aa47e63f1093ed1c09aae3d698",
    verifierHex: "aaa6ded065835b68298fb8e19ecefc4c8c2cfa51f8e7a06bf44507cc181bc039",
    identity: "AGE-SECRET-KEY-1AP9W6V8JVFV0SKVD57SH5HXPYV7YR4H2F6FDRYHMYGXJJDZWCW3QPA6U29",
    recipient: "age1mmhpwy4xcjh6qvydat53cn0ajuxtmkphmag24cka839exxwlw56qk2ssev",
    hybridIdentity: "AGE-SECRET-KEY-PQ-1CJRKE23CFUHT7U4MM5F70HK7Y8VNPTVYJR42QAVL50J2V4LRSVVQPNMXTL",
    hybridRecipientSha256: "8dc40ddadc58b9036f7895ae72b105db631cf6e93527e76ca3b74db58de6c323",
  },
  {
    entropy: "000102030405060708090a0b0c0d0e",
    token: "000G4-0R40M-30E20-9185G-R38EJ",
    lookupIdHex: "51a3175845c72fefdc3bc54052ce6d1eaa8cf40e217aa5a8d88f60af22648fd8",
    authenticatorHex: "0346a2fdea3ec8c708051a5d09aa556405455b01ec35eca43689e6f4d2520861",
    verifierHex: "b2fe5513dfdbbeb3afb30f61885bcc7aad5690e04dbb34cf0fb6f1d794b79038",
    identity: "AGE-SECRET-KEY-17AX6G24SWSGYZGDPYE6CMU0RNHQZ775Q94TMWCXG32N75ESR5R2QK8T98V",
    recipient: "age1r32ynqmg6te4fnsq4h5rp78s2qh85mzujuzujzww4upen7mv4eeq8qmmz3",
    hybridIdentity: "AGE-SECRET-KEY-PQ-193AWWUS8QZ7CTN9GXYV7VEVDLGFZCYGAG2FRZ52SK0F33K8EPN7Q2Z6XRU",
    hybridRecipientSha256: "a5cfc0e407e84b4a050873e3bf3c6664c0b51353ba9cb5cd9f4f817a6847fde9",
  },
  {
    entropy: "dc8e4b7fa0c2193d5e6a81f4b2073c",
    token: "VJ74P-ZX0R8-CKTQK-AG7TB-41SWE",
    lookupIdHex: "356d331389cc7975260c0bf624aa724f0036d920fd7ead388d91b48db13a2ebc",
    authenticatorHex: "e477e0e397d96bf1e033f57019a90d21f3667310d3628729b47ae605307c4e16",
    verifierHex: "119219fe1e190019480959441b6218beb0e4dcfc8052ad65ec154fafac6d9831",
    identity: "AGE-SECRET-KEY-1Z2V3A0RZRX6LL8NADEW98E085W9TJK8TD2XXX0Y497YQ8U49YYGQCVM3K6",
    recipient: "age1jx73pe92z4vg7p7f3yl65e5wmqugszxjyrkzdkjwj5642k0dj99q945lmf",
    hybridIdentity: "AGE-SECRET-KEY-PQ-1H7RQA3HJL3TXPU0E9PZ0ZC3W2K935YWMZU6EZHRUA7TKLHDCM3SSFYS83K",
    hybridRecipientSha256: "066da983fa87b905b0800c84fa43814460986b03df8bc64f6026d4b54c448f66",
  },
];

// The vectors of docs/mailbox-token.md (the specification shared with the server).
const specVectors = [
  vectors[0],
  vectors[2],
  vectors[1],
  {
    entropy: "8f3a1c2b9d4e6f708192a3b4c5d6e7",
    token: "HWX1R-AWX9S-QQ10C-JMETC-BNQ73",
    lookupIdHex: "ed82cf9eef0a22e4419d06230495529c1fa192d68e1aba70e4c0959f37dd4ac0",
    authenticatorHex: "43bcb8d2a594bc1250dee9a51fcbe8e08d7de9d20453c1a7f31f106e71f67943",
    verifierHex: "9f5993b4305bbe6ec7cc984a7dfb819e5f125096d6793a797a72fa1ccb4b133a",
    identity: "AGE-SECRET-KEY-10J29533AU9YPPKC45Q7SHTKLV980KYYEY6A5F80YEG5V0CHL5S8QFRE96P",
    recipient: "age16yvecuass4kmnqpkq27ff88rfgv2j7fcak3dg9srhy3n96z79y2sq9vrd0",
    hybridIdentity: "AGE-SECRET-KEY-PQ-1LJ8RLAEA80Q9XUNV2N39XSKKL7SD4Z9TJTHMWKSP0E288SDLU9KQPCD0P6",
    hybridRecipientSha256: "4ae15d9fdf41ed992b16f2bd37bb21f88d8b85d6184e17faa80adc649636f7df",
  },
];

describe("docs/mailbox-token.md", () => {
  for (const v of specVectors) {
    it(`reproduces the vector ${v.token}`, async () => {
      const parsed = parseToken(v.token);
      assert.equal(parsed.status, ParseStatus.ok);
      assert.deepEqual(parsed.entropy, hex(v.entropy));
      assert.equal(formatToken(hex(v.entropy)), v.token);
      assertKeys(await deriveMailboxKeys(parsed.entropy), v);
    });
  }

  it("reproduces the parsing examples", () => {
    for (const input of ["hwx1r awx9s qq10c jmetc bnq73", "HWXIR-AWX9S-QQ1OC-JMETC-BNQ73", "HWX1RAWX9SQQ10CJMETCBNQ73"]) {
      assert.equal(parseToken(input).token, "HWX1R-AWX9S-QQ10C-JMETC-BNQ73", input);
    }
    assert.equal(parseToken("HWX1R-AWX9S-QQ10C-JMETC-BNQ74").status, ParseStatus.checkCharacterMismatch);
    assert.equal(parseToken("HWX1R-AWX9S-QQ10C-JMETC-BNQ7U").status, ParseStatus.malformed);
  });
});

describe("formatToken", () => {
  for (const v of vectors) {
    it(`formats ${v.entropy}`, () => {
      assert.equal(formatToken(hex(v.entropy)), v.token);
    });
  }

  it("rejects entropy of the wrong length or type", () => {
    assert.throws(() => formatToken(new Uint8Array(14)), TypeError);
    assert.throws(() => formatToken(new Uint8Array(16)), TypeError);
    assert.throws(() => formatToken([1, 2, 3]), TypeError);
  });
});

describe("generateToken", () => {
  it("yields 15 fresh bytes and their display form", () => {
    const a = generateToken();
    const b = generateToken();
    assert.equal(a.entropy.length, ENTROPY_BYTES);
    assert.match(a.token, /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
    assert.equal(formatToken(a.entropy), a.token);
    assert.notEqual(a.token, b.token);
  });

  it("round-trips through parseToken", () => {
    for (let i = 0; i < 200; i++) {
      const { token, entropy } = generateToken();
      const parsed = parseToken(token);
      assert.equal(parsed.status, ParseStatus.ok);
      assert.equal(parsed.token, token);
      assert.deepEqual(parsed.entropy, entropy);
    }
  });
});

describe("parseToken", () => {
  const v = vectors[3];

  it("accepts the display form, lowercase, spaces and no separators", () => {
    for (const input of [
      v.token,
      v.token.toLowerCase(),
      v.token.replaceAll("-", " "),
      v.token.replaceAll("-", ""),
      `  ${v.token.replaceAll("-", "\n")}\t`,
      "vj74p zx0r8 cktqk ag7tb 41swe",
      "VJ74P\u0085ZX0R8\u00A0CKTQK\u3000AG7TB\u2028 41SWE",
    ]) {
      const parsed = parseToken(input);
      assert.equal(parsed.status, ParseStatus.ok, input);
      assert.equal(parsed.token, v.token);
      assert.deepEqual(parsed.entropy, hex(v.entropy));
    }
  });

  it("reads O as 0 and I, L as 1", () => {
    const parsed = parseToken("OOOOO-OOOOO-OOOOO-OOOOO-OOOOO");
    assert.equal(parsed.status, ParseStatus.ok);
    assert.equal(parsed.token, "00000-00000-00000-00000-00000");
    // 000G4-0R40M-30E20-9185G-R38EJ has a 1 in the fourth group.
    for (const one of ["I", "i", "L", "l"]) {
      assert.equal(parseToken(`oooG4-0R4oM-3oE2o-9${one}85G-R38EJ`).token, vectors[2].token);
    }
  });

  it("uppercases like the server's invariant culture: long s is S", () => {
    assert.equal(parseToken(v.token.replace("S", "\u017F")).token, v.token);
  });

  it("reports empty input", () => {
    for (const input of [null, undefined, "", "   ", " - - ", "\n"]) {
      assert.deepEqual(parseToken(input), { status: ParseStatus.empty });
    }
  });

  it("reports malformed input", () => {
    for (const input of [
      "X",
      v.token.slice(0, -1),
      `${v.token}0`,
      v.token.replace("V", "U"),
      v.token.replace("V", "*"),
      v.token.replace("V", "Ⅴ"),
      v.token.replace("J", "ı"),
      v.token.replace("-", "_"),
      v.token.replace("-", "\uFEFF"),
      v.token.replace("J", "\u0131"), // dotless i: not an I for .NET's invariant casing either
      v.token.replace("S", "\u00DF"), // sharp s: no full case mapping ("SS")
      42,
    ]) {
      assert.equal(parseToken(input).status, ParseStatus.malformed, String(input));
    }
  });

  it("detects every single-character substitution", () => {
    const compact = v.token.replaceAll("-", "");
    for (let i = 0; i < compact.length; i++) {
      for (const c of ALPHABET) {
        if (c === compact[i]) continue;
        const typo = compact.slice(0, i) + c + compact.slice(i + 1);
        assert.equal(parseToken(typo).status, ParseStatus.checkCharacterMismatch, typo);
      }
    }
  });

  it("detects adjacent transpositions of distinct characters", () => {
    const compact = v.token.replaceAll("-", "");
    for (let i = 0; i + 1 < compact.length; i++) {
      if (compact[i] === compact[i + 1]) continue;
      const swapped = compact.slice(0, i) + compact[i + 1] + compact[i] + compact.slice(i + 2);
      assert.equal(parseToken(swapped).status, ParseStatus.checkCharacterMismatch, swapped);
    }
  });
});

describe("deriveMailboxKeys", () => {
  for (const v of vectors) {
    it(`derives the keys of ${v.token}`, async () => {
      assertKeys(await deriveMailboxKeys(hex(v.entropy)), v);
    });
  }

  it("yields an identity that opens files sealed to its recipient", async () => {
    const { entropy } = generateToken();
    const keys = await deriveMailboxKeys(entropy);
    const e = new Encrypter();
    e.addRecipient(keys.recipient);
    const sealed = await e.encrypt("hello mailbox");
    const d = new Decrypter();
    d.addIdentity(keys.identity);
    assert.equal(await d.decrypt(sealed, "text"), "hello mailbox");
  });

  it("rejects entropy of the wrong length", async () => {
    await assert.rejects(deriveMailboxKeys(new Uint8Array(32)), TypeError);
  });
});
