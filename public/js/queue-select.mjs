/* global document */
// "Select all on this page" ticks every file's box; unticking one file unticks it again. Without the
// script the page still works: the server reads "all on this page" as every file listed (docs/portal.md).
const all = document.getElementById('allOnPage');
const boxes = [...document.querySelectorAll('#bulk-form input[name="ids"]')];

if (all) {
  all.addEventListener('change', () => {
    for (const box of boxes) box.checked = all.checked;
  });
  for (const box of boxes) {
    box.addEventListener('change', () => {
      all.checked = boxes.every((each) => each.checked);
    });
  }
}
