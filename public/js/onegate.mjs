/* global document */
// The design system's behaviour (menus, error summaries, banners), started from a served file so the
// Content-Security-Policy can forbid inline scripts.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
