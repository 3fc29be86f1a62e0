// The idle warning of a staff page: two minutes before the session would end for being idle it asks whether to
// continue; "continue" keeps the session. Activity the server saw (a draft kept) restarts the count. When the
// time runs out the page says so to its other scripts (the case page keeps its drafts) and goes to sign-in.
const box = document.getElementById('idle-warning');
if (box) {
  const idle = Number(box.dataset.idleSeconds) * 1000;
  const warnBefore = Math.min(120000, idle / 2);
  const signIn = box.dataset.signIn;
  const button = document.getElementById('idle-continue');
  let warnTimer;
  let endTimer;
  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    box.hidden = true;
    warnTimer = setTimeout(() => {
      box.hidden = false;
      button.focus();
      document.dispatchEvent(new CustomEvent('intake:idle-warning'));
    }, idle - warnBefore);
    endTimer = setTimeout(() => {
      document.dispatchEvent(new CustomEvent('intake:idle-warning'));
      const back = encodeURIComponent(location.pathname + location.search);
      setTimeout(() => location.assign(`${signIn}?ReturnUrl=${back}`), 1000);
    }, Math.max(0, idle - 5000));
  };
  button.addEventListener('click', async () => {
    const response = await fetch(box.dataset.keepAlive, { credentials: 'same-origin', cache: 'no-store', redirect: 'manual' });
    if (response.status === 204) schedule();
    else location.assign(signIn);
  });
  document.addEventListener('intake:activity', schedule);
  schedule();
}
