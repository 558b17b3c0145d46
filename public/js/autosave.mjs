/* global document, window */
// Saves a draft's answers as they are typed (docs/portal.md, "Drafts"): a moment after a field changes,
// the answers go to the form's autosave address as JSON, with the CSRF token in a header. Only an
// enhancement: "Lưu nháp" and "Nộp hồ sơ" post the whole form, with its documents, without this script.
const form = document.querySelector('form[data-autosave]');
const status = document.getElementById('autosave-status');
const WAIT_MS = 800;

function answersOf() {
  const answers = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && name !== '_csrf' && name !== 'intent') answers[name] = value;
  }
  return answers;
}

function say(text) {
  status.textContent = text;
  status.hidden = false;
}

async function save() {
  const response = await fetch(form.dataset.autosave, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-csrf-token': form.elements.namedItem('_csrf').value,
    },
    body: JSON.stringify({ answers: answersOf() }),
  }).catch(() => null);
  if (response?.ok) {
    const { savedAt } = await response.json();
    const time = new Date(savedAt).toLocaleTimeString(document.documentElement.lang, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    return say(form.dataset.savedText.replace('{time}', time));
  }
  // Signed out meanwhile: what is typed stays on the page, and the save button keeps it through sign-in.
  if (response?.status === 401) return say(form.dataset.expiredText);
  say(form.dataset.failedText);
}

if (form && status) {
  let timer;
  const later = (event) => {
    if (event.target.type === 'file') return;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, WAIT_MS);
  };
  form.addEventListener('input', later);
  form.addEventListener('change', later);
}
