// The receipt page (Pages/Report/Receipt.cshtml), reached when the report was sent without JavaScript: the same
// buttons as the receipt the report form's script shows.
import { enhanceReceipt } from "./receipt.js";

function init() {
  const receipt = document.getElementById("receipt");
  if (receipt instanceof HTMLElement) {
    enhanceReceipt(receipt);
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", init, { once: true });
} else {
  init();
}
