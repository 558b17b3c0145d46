/* global document, window */
// The file page's PDF preview (docs/portal.md, "The file page"): pdf.js, served by OneGate itself, draws
// one page at a time on a canvas, with the previous and next page buttons. Nothing is evaluated as code
// (isEvalSupported: false), so the Content-Security-Policy stays script-src 'self'.
import { getDocument, GlobalWorkerOptions } from '/assets/pdfjs/build/pdf.min.mjs';

GlobalWorkerOptions.workerSrc = '/assets/pdfjs/build/pdf.worker.min.mjs';

for (const viewer of document.querySelectorAll('[data-pdf-src]')) {
  show(viewer).catch(() => {
    viewer.querySelector('.onegate-pdf__status').textContent = viewer.dataset.failed;
  });
}

async function show(viewer) {
  const canvas = viewer.querySelector('canvas');
  const status = viewer.querySelector('.onegate-pdf__status');
  const previous = viewer.querySelector('.onegate-pdf__previous');
  const next = viewer.querySelector('.onegate-pdf__next');
  const pdf = await getDocument({
    url: viewer.dataset.pdfSrc,
    isEvalSupported: false,
    standardFontDataUrl: '/assets/pdfjs/standard_fonts/',
    cMapUrl: '/assets/pdfjs/cmaps/',
  }).promise;
  let current = 1;
  let drawing = Promise.resolve();

  const draw = async () => {
    const page = await pdf.getPage(current);
    // As wide as the page's column, sharp on high-density screens.
    const width = Math.max(200, viewer.clientWidth);
    const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    const transform = ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0];
    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport, transform }).promise;
    status.textContent = viewer.dataset.pageLabel
      .replace('{page}', String(current))
      .replace('{pages}', String(pdf.numPages));
    previous.disabled = current <= 1;
    next.disabled = current >= pdf.numPages;
    viewer.dataset.renderedPage = String(current);
  };
  const go = (step) => {
    const wanted = Math.min(pdf.numPages, Math.max(1, current + step));
    if (wanted === current) return;
    current = wanted;
    drawing = drawing.then(draw);
  };
  previous.addEventListener('click', () => go(-1));
  next.addEventListener('click', () => go(1));
  drawing = draw();
  await drawing;
}
