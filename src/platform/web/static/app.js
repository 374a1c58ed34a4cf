import { initAll } from '/static/govuk-frontend.min.js';

initAll();

// Buttons that copy or print a passage work only with JavaScript, so they are shown only then.
for (const button of document.querySelectorAll('[data-copy], [data-print]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    if (button.dataset.print !== undefined) return window.print();
    const passage = document.getElementById(button.dataset.copy ?? '');
    if (!passage) return;
    await navigator.clipboard.writeText(passage.textContent.trim());
    button.textContent = 'Copied';
  });
}
