// The case page's ready texts: the picker's button inserts the chosen text at the cursor of the reply box
// (replacing a selection, keeping everything else typed) and sets what the reply counts as. Without this script
// the button posts the form and the server adds the text after what was typed.
for (const picker of document.querySelectorAll('.ready-text-picker')) {
  const form = picker.closest('form');
  const select = picker.querySelector('select');
  const button = picker.querySelector('#insert-template');
  const box = form?.querySelector('textarea[name="ReplyText"]');
  if (!form || !select || !button || !box) continue;
  let start = box.value.length;
  let end = start;
  const remember = () => { start = box.selectionStart; end = box.selectionEnd; };
  for (const type of ['select', 'keyup', 'click', 'input', 'blur']) box.addEventListener(type, remember);
  button.addEventListener('click', (event) => {
    const ready = [...picker.querySelectorAll('template.ready-text')].find((t) => t.dataset.code === select.value);
    if (!ready) return;
    event.preventDefault();
    const text = ready.content.textContent;
    const before = box.value.slice(0, start);
    const after = box.value.slice(end);
    const lead = before.length > 0 && !before.endsWith('\n') ? '\n\n' : '';
    const trail = after.length > 0 && !after.startsWith('\n') ? '\n\n' : '';
    box.setRangeText(lead + text + trail, start, end, 'end');
    const purpose = form.querySelector(`input[name="ReplyPurpose"][value="${ready.dataset.purpose}"]`);
    if (purpose) purpose.checked = true;
    box.focus();
    remember();
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

// Drafts: as the handler types, the reply or note is kept on the server, sealed to the channel, so an idle
// sign-out loses nothing; the next sign-in brings it back. Sending the form deletes it there.
for (const form of document.querySelectorAll('form[data-draft-url]')) {
  const box = form.querySelector('textarea');
  const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value;
  if (!box || !token) continue;
  let timer;
  let kept = box.value;
  const keep = async () => {
    clearTimeout(timer);
    const text = box.value;
    if (text === kept) return;
    const body = new URLSearchParams({ __RequestVerificationToken: token, Kind: form.dataset.draftKind, Text: text });
    try {
      const response = await fetch(form.dataset.draftUrl, { method: 'POST', body, credentials: 'same-origin', redirect: 'manual' });
      if (response.status === 204) {
        kept = text;
        form.dataset.draftKept = String(Date.now());
        document.dispatchEvent(new CustomEvent('intake:activity'));
      }
    } catch {
      // Offline for a moment: the next keystroke tries again.
    }
  };
  box.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(keep, 1500);
  });
  document.addEventListener('intake:idle-warning', keep);
  form.addEventListener('submit', () => clearTimeout(timer));
}
