/* global window, document */
// Draws the dashboard's charts from the data the page carries in data-chart attributes (no inline script).
const Chart = window.Chart;
const palette = ['#8c1c13', '#0b5f7c', '#c98a00', '#5b2a86', '#0f6b45'];

function trend(canvas, data) {
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

function share(canvas, data) {
  new Chart(canvas, {
    type: 'doughnut',
    data: { labels: data.labels, datasets: [{ data: data.data, backgroundColor: ['#0f6b45', '#b1b4b6'] }] },
    options: { responsive: true, maintainAspectRatio: false, animation: false },
  });
}

if (Chart) {
  for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
    const data = JSON.parse(canvas.dataset.chart);
    if (canvas.dataset.kind === 'share') share(canvas, data);
    else trend(canvas, data);
  }
}
