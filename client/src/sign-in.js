// The staff sign-in form (docs/availability.md): while sign-ins from unknown devices are many, the server marks
// the form with the proof bits it wants; the browser then finds the proof of work over the form's stamp in a
// worker before the form is sent. Without JavaScript the form is sent as it is, and the server says why a proof
// was needed.
import { solve } from "./pow.js";

const form = document.querySelector("form.sign-in-form");
if (form) {
  let solved = false;
  form.addEventListener("submit", async (event) => {
    const bits = Number(form.dataset.proofBits || "0");
    if (solved || bits <= 0) {
      return;
    }
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    const status = form.querySelector("[data-proof-status]");
    button.disabled = true;
    status.textContent = form.dataset.msgProof;
    try {
      form.elements.proofNonce.value = await solve(form.elements.formStamp.value, bits, form.dataset.powWorker);
    } finally {
      button.disabled = false;
      status.textContent = "";
    }
    solved = true;
    form.requestSubmit ? form.requestSubmit(button) : form.submit();
  });
}
