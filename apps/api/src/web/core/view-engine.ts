import compression from 'compression';
import type { Express, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { create } from 'express-handlebars';

import { VIEW_HELPERS } from './view-helpers';
import { WEB_PATHS } from './web-paths';

const ONE_DAY_SECONDS = 24 * 60 * 60;

/**
 * Handlebars views (`views/`, with `layouts/` and `partials/`) and the static files the pages use:
 * OneGate's own (`public/`), and the design system, chart library and PDF viewer from `node_modules`.
 */
export function installViewEngine(app: Express): void {
  const engine = create({
    extname: '.hbs',
    defaultLayout: 'main',
    layoutsDir: WEB_PATHS.layouts,
    partialsDir: WEB_PATHS.partials,
    helpers: VIEW_HELPERS,
  });
  app.engine('.hbs', engine.engine);
  app.set('view engine', '.hbs');
  app.set('views', WEB_PATHS.views);

  const options = { index: false, fallthrough: false, maxAge: ONE_DAY_SECONDS * 1000 };
  app.use('/assets/onegate', express.static(WEB_PATHS.public, options));
  // Only the design system's compiled CSS and JS, not its fonts or crown images; only Chart.js's bundle.
  app.use('/assets/govuk', only(GOVUK_FILES), express.static(WEB_PATHS.govukFrontend, options));
  app.use('/assets/chart.js', only(CHART_FILES), express.static(WEB_PATHS.chartJs, options));
  // pdf.js for the file page's preview: its library and worker, and the fonts and maps PDFs may name.
  app.use('/assets/pdfjs', onlyPdfJs, express.static(WEB_PATHS.pdfJs, options));
}

/**
 * Pages, stylesheets and scripts go compressed to a browser that accepts it; a page's form token is
 * masked afresh in each, so its compressed size tells nothing of it (docs/portal.md, "Compressed
 * pages"). Installed before the routes, as the routes answer pages themselves.
 */
export const compressedResponses = (): RequestHandler => compression({ filter: isPageStylesheetOrScript });

/** HTML, CSS and JavaScript only: JSON, exports, fonts, images, documents and PDFs are sent as they are. */
const COMPRESSED_TYPES = /^(text\/html|text\/css|text\/javascript|application\/javascript)\b/;

function isPageStylesheetOrScript(request: Request, response: Response): boolean {
  const type = String(response.getHeader('Content-Type') ?? '');
  return COMPRESSED_TYPES.test(type) && compression.filter(request, response);
}

const GOVUK_FILES = new Set(['/govuk-frontend.min.css', '/govuk-frontend.min.js']);
const CHART_FILES = new Set(['/chart.umd.min.js']);

const PDFJS_FILES = new Set(['/build/pdf.min.mjs', '/build/pdf.worker.min.mjs']);
const PDFJS_FOLDERS = /^\/(standard_fonts|cmaps)\/[\w.-]+$/;

const onlyPdfJs: RequestHandler = (request, response, next) => {
  if (PDFJS_FILES.has(request.path) || PDFJS_FOLDERS.test(request.path)) next();
  else response.status(404).type('text/plain').send('Not Found');
};

const only =
  (files: Set<string>): RequestHandler =>
  (request, response, next) => {
    if (files.has(request.path)) next();
    else response.status(404).type('text/plain').send('Not Found');
  };
