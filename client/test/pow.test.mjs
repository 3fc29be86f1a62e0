// The proof of work as the server checks it (ProofOfWork): the same first nonce for the same challenge.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isSolution, leadingZeroBits, search } from "../src/pow.js";

const vectors = [
  [8, "57"],
  [12, "12664"],
  [16, "33504"],
];

for (const [bits, nonce] of vectors) {
  test(`the first ${bits}-bit solution of the test challenge is ${nonce}`, () => {
    assert.equal(search("intake-test-challenge", bits, 0, 1, 1_000_000), nonce);
    assert.ok(isSolution("intake-test-challenge", nonce, bits));
  });
}

test("leading zero bits count across bytes", () => {
  assert.equal(leadingZeroBits(new Uint8Array([0, 0, 0x10, 0xff])), 19);
  assert.equal(leadingZeroBits(new Uint8Array([0x80])), 0);
  assert.equal(leadingZeroBits(new Uint8Array([0, 0])), 16);
});
