// The proof-of-work worker (client/src/pow.js): searches until it finds a nonce and posts it back.
import { search } from "./pow.js";

self.onmessage = (event) => {
  const { challenge, bits } = event.data;
  const batch = 50000;
  for (let start = 0; ; start += batch) {
    const found = search(String(challenge), Number(bits), start, 1, batch);
    if (found !== null) {
      self.postMessage({ nonce: found });
      return;
    }
  }
};
