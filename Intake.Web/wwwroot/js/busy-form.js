// Slow staff forms (sign-in, the first one-time code, a new account) say that they are working and are not sent
// twice. Once the browser has taken the form's data, its submit buttons are disabled and its status region (an
// aria-live region) says what is going on. The server makes a second post of the same form harmless as well
// (Accounts/RepeatedPosts.cs): this spares the wait and the doubt. Without JavaScript the form simply posts.
for (const form of document.querySelectorAll('form[data-busy]')) {
  let sending = false;
  form.addEventListener('submit', (event) => {
    if (sending) {
      event.preventDefault();
      return;
    }
    sending = true;
    // After every listener has run: another script (the sign-in's proof of work) may hold the form and send it later.
    setTimeout(() => {
      if (event.defaultPrevented) {
        sending = false;
        return;
      }
      for (const button of form.querySelectorAll('button')) {
        button.disabled = true;
      }
      form.setAttribute('aria-busy', 'true');
      const status = form.querySelector('[data-busy-status]');
      if (status) {
        status.textContent = form.dataset.busy;
      }
    }, 0);
  });
  // Back to a page kept in the browser's cache: the form may be sent again.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) {
      return;
    }
    sending = false;
    form.removeAttribute('aria-busy');
    for (const button of form.querySelectorAll('button')) {
      button.disabled = false;
    }
    const status = form.querySelector('[data-busy-status]');
    if (status) {
      status.textContent = '';
    }
  });
}
