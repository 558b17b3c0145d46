/* global window, document */
// Draws the dashboard's charts from the data the page carries in data-chart attributes (no inline script).
// The figures and tables are in the page already; Chart.js is fetched only when a chart canvas is on it,
// after the page has been read (this module runs deferred), from the site itself (docs/portal.md).
const CHART_SCRIPT = '/assets/chart.js/chart.umd.min.js';
const palette = ['#8c1c13', '#0b5f7c', '#c98a00', '#5b2a86', '#0f6b45'];

function trend(Chart, canvas, data) {
  new Chart(canvas, {
    data: {
      labels: data.labels,
      datasets: data.datasets.map((dataset, index) => ({
        ...dataset,
        backgroundColor: palette[index % palette.length],
        borderColor: palette[index % palette.length],
        order: dataset.type === 'line' ? 0 : 1,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        y: { beginAtZero: true, ticks: { precision: 0 } },
        percent: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false } },
      },
    },
  });
}

function share(Chart, canvas, data) {
  new Chart(canvas, {
    type: 'doughnut',
    data: { labels: data.labels, datasets: [{ data: data.data, backgroundColor: ['#0f6b45', '#b1b4b6'] }] },
    options: { responsive: true, maintainAspectRatio: false, animation: false },
  });
}

// Each chart is drawn in a task of its own, so that the page answers a tap between them: drawing one
// takes the better part of a phone's main thread for a moment (docs/performance.md).
const nextTask = () => new Promise((resolve) => window.setTimeout(resolve, 0));

async function draw(canvases) {
  const Chart = window.Chart;
  if (!Chart) return;
  for (const canvas of canvases) {
    await nextTask();
    const data = JSON.parse(canvas.dataset.chart);
    if (canvas.dataset.kind === 'share') share(Chart, canvas, data);
    else trend(Chart, canvas, data);
  }
}

const canvases = document.querySelectorAll('canvas[data-chart]');
if (canvases.length > 0) {
  const script = document.createElement('script');
  script.src = CHART_SCRIPT;
  script.addEventListener('load', () => draw(canvases));
  document.head.append(script);
}
