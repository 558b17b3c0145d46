/* global document */
// Checks each chosen file's size and type before the form is sent and says, beside its field, what the
// server would say (docs/applications.md, "Upload problems"). Without this script the server refuses
// the same files with the same words.
const inputs = document.querySelectorAll('input[type="file"][data-max-bytes]');

function problemOf(input) {
  const file = input.files && input.files[0];
  if (!file) return '';
  if (file.size > Number(input.dataset.maxBytes)) return input.dataset.tooLarge;
  const accepted = (input.getAttribute('accept') || '').split(',').filter(Boolean);
  // A type the browser cannot tell (empty) is left to the server, which reads the file's content.
  if (file.type && accepted.length && !accepted.includes(file.type)) return input.dataset.wrongType;
  return '';
}

function show(input, problem) {
  const group = input.closest('.govuk-form-group');
  const id = `${input.id}-check`;
  let message = document.getElementById(id);
  if (!problem) {
    message?.remove();
    if (!group.querySelector('.govuk-error-message')) group.classList.remove('govuk-form-group--error');
    input.classList.remove('govuk-file-upload--error');
    input.setAttribute('aria-describedby', `${input.id}-hint`);
    return;
  }
  if (!message) {
    message = document.createElement('p');
    message.id = id;
    message.className = 'govuk-error-message';
    input.before(message);
  }
  message.textContent = problem;
  group.classList.add('govuk-form-group--error');
  input.classList.add('govuk-file-upload--error');
  input.setAttribute('aria-describedby', `${input.id}-hint ${id}`);
}

/** A file is chosen: what the server said of the field before (say, that a file is needed) no longer holds. */
function forgetEarlierProblems(input) {
  if (!input.files || input.files.length === 0) return;
  const group = input.closest('.govuk-form-group');
  for (const earlier of group.querySelectorAll(`.govuk-error-message:not([id="${input.id}-check"])`))
    earlier.remove();
}

for (const input of inputs) {
  input.addEventListener('change', () => {
    forgetEarlierProblems(input);
    show(input, problemOf(input));
  });
  input.form?.addEventListener('submit', (event) => {
    const problem = problemOf(input);
    show(input, problem);
    if (problem) {
      event.preventDefault();
      input.focus();
    }
  });
}
