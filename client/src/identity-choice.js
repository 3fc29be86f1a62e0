// Name and contact only when they apply (issue 16, the forms).
//
// The page groups name and contact under the identity choice (#identity-details) and site.css shows the group
// only once "named" or "confidential" is chosen. This script also disables the group while it does not apply,
// so what was typed there is neither checked nor sealed; the server discards it too (FormAnswers.OnlyFieldsOf).

const ASKS_FOR_IDENTITY = ["named", "confidential"];

/**
 * Whether the form's identity choice asks for a name and contact.
 * @param {HTMLFormElement} form
 */
export function asksForIdentity(form) {
  const chosen = form.querySelector('input[name="identityMode"]:checked');
  return chosen instanceof HTMLInputElement && ASKS_FOR_IDENTITY.includes(chosen.value);
}

/**
 * Shows and enables the name and contact group as the identity choice changes.
 * @param {HTMLFormElement} form
 */
export function enhanceIdentityChoice(form) {
  const group = form.querySelector("#identity-details");
  if (!(group instanceof HTMLFieldSetElement)) {
    return;
  }
  const update = () => {
    const applies = asksForIdentity(form);
    group.hidden = !applies;
    group.disabled = !applies;
  };
  form.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.name === "identityMode") {
      update();
    }
  });
  update();
}
