// Passkeys on the staff pages (docs/keys.md, "Passkeys"). Each form marked data-passkey stays hidden unless the
// browser has WebAuthn; its button runs one ceremony: ask the page for options, let the browser talk to the
// passkey, send the answer back. "sign-in": a passkey alone, whose PRF outputs open the personal key on the server;
// "second-factor": a passkey instead of the one-time code; "register": a new passkey on the account page, asked
// for its PRF outputs at once so that the server can seal the personal key to it. Without JavaScript none of this
// shows and the passphrase pages work as before.

const decode = (text) => {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "===".slice((base64.length + 3) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

const encode = (buffer) => {
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let binary = "";
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};

// The library's JSON leaves absent members as null, which WebAuthn's dictionaries refuse: drop them.
const withoutNulls = (value) => {
  if (Array.isArray(value)) {
    return value.map(withoutNulls);
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
};

const descriptors = (list) => (list || []).map((c) => ({ type: "public-key", id: decode(c.id), transports: c.transports || undefined }));

const creationOptions = (json) => {
  const o = withoutNulls(JSON.parse(json));
  return { ...o, challenge: decode(o.challenge), user: { ...o.user, id: decode(o.user.id) }, excludeCredentials: descriptors(o.excludeCredentials), extensions: { prf: {} } };
};

const requestOptions = (json, prf, allow) => {
  const o = withoutNulls(JSON.parse(json));
  const options = { ...o, challenge: decode(o.challenge), allowCredentials: allow || descriptors(o.allowCredentials) };
  delete options.extensions;
  if (prf) {
    options.extensions = { prf: { eval: { first: decode(prf.first), second: decode(prf.second) } } };
  }
  return options;
};

const attestationJson = (credential) => JSON.stringify({
  id: credential.id,
  rawId: encode(credential.rawId),
  type: credential.type,
  response: {
    attestationObject: encode(credential.response.attestationObject),
    clientDataJSON: encode(credential.response.clientDataJSON),
    transports: credential.response.getTransports ? credential.response.getTransports() : [],
  },
  clientExtensionResults: {},
});

const assertionJson = (credential) => JSON.stringify({
  id: credential.id,
  rawId: encode(credential.rawId),
  type: credential.type,
  response: {
    authenticatorData: encode(credential.response.authenticatorData),
    clientDataJSON: encode(credential.response.clientDataJSON),
    signature: encode(credential.response.signature),
    userHandle: credential.response.userHandle ? encode(credential.response.userHandle) : null,
  },
  // The PRF outputs travel in their own fields, once, and are never part of what the library reads.
  clientExtensionResults: {},
});

// The PRF outputs as base64url, and the buffers wiped.
const prfOutputs = (credential) => {
  const results = credential.getClientExtensionResults().prf?.results;
  if (!results || !results.first || !results.second) {
    return {};
  }
  const first = new Uint8Array(results.first);
  const second = new Uint8Array(results.second);
  const out = { prfFirst: encode(first), prfSecond: encode(second) };
  first.fill(0);
  second.fill(0);
  return out;
};

const post = async (form, url, fields) => {
  const body = new FormData();
  body.append("__RequestVerificationToken", form.elements.__RequestVerificationToken.value);
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null) {
      body.append(name, value);
    }
  }
  const response = await fetch(url, { method: "POST", body, credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) {
    throw new Error(form.dataset.msgFailed);
  }
  const answer = await response.json();
  if (answer.error) {
    throw new Error(answer.error);
  }
  return answer;
};

const ceremonies = {
  "sign-in": async (form) => {
    const returnUrl = form.elements.ReturnUrl?.value || "";
    const options = await post(form, form.dataset.optionsUrl, {});
    const credential = await navigator.credentials.get({ publicKey: requestOptions(options.assertion, options.prf) });
    return post(form, form.dataset.answerUrl, { ceremony: options.ceremony, credential: assertionJson(credential), ReturnUrl: returnUrl, ...prfOutputs(credential) });
  },
  "second-factor": async (form) => {
    const returnUrl = form.elements.ReturnUrl?.value || "";
    const options = await post(form, form.dataset.optionsUrl, {});
    const credential = await navigator.credentials.get({ publicKey: requestOptions(options.assertion) });
    return post(form, form.dataset.answerUrl, { ceremony: options.ceremony, credential: assertionJson(credential), ReturnUrl: returnUrl });
  },
  register: async (form) => {
    const name = form.elements.name.value;
    const options = await post(form, form.dataset.optionsUrl, { name });
    const created = await navigator.credentials.create({ publicKey: creationOptions(options.creation) });
    const fields = { ceremony: options.ceremony, credential: attestationJson(created) };
    if (created.getClientExtensionResults().prf?.enabled) {
      // Asks the new passkey for its PRF outputs, so the server can seal the personal key to it.
      const allow = [{ type: "public-key", id: created.rawId }];
      const asserted = await navigator.credentials.get({ publicKey: requestOptions(options.assertion, options.prf, allow) });
      Object.assign(fields, { assertion: assertionJson(asserted), ...prfOutputs(asserted) });
    }
    return post(form, form.dataset.answerUrl, fields);
  },
};

if (window.PublicKeyCredential && navigator.credentials) {
  for (const form of document.querySelectorAll("form[data-passkey]")) {
    const run = ceremonies[form.dataset.passkey];
    const button = form.querySelector("[data-passkey-start]");
    const status = form.querySelector("[data-passkey-status]");
    const error = form.querySelector("[data-passkey-error]");
    if (!run || !button) {
      continue;
    }
    form.hidden = false;
    form.addEventListener("submit", (event) => event.preventDefault());
    button.addEventListener("click", async () => {
      if (form.dataset.passkey === "register" && !form.reportValidity()) {
        return;
      }
      button.disabled = true;
      error.hidden = true;
      status.textContent = form.dataset.msgWorking;
      try {
        const answer = await run(form);
        window.location.assign(answer.redirect);
      } catch (e) {
        console.warn("passkey:", e && e.name, e && e.message);
        error.querySelector("p").textContent = e && e.name === "NotAllowedError" ? form.dataset.msgCancelled : (e && e.message) || form.dataset.msgFailed;
        error.hidden = false;
        status.textContent = "";
        button.disabled = false;
      }
    });
  }
}
