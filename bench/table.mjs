// The run's figures as one table: each beside its baseline, the ratio, and the target.
const ms = (value) => (value === null || value === undefined ? '–' : `${value.toFixed(1)} ms`);
const rate = (value) => `${Math.round(value).toLocaleString('en')}/s`;
const both = (latency) => `${ms(latency.p50)} / ${ms(latency.p99)}`;
const times = (value) => `${value.toFixed(value < 10 ? 2 : 0)}×`;

export function tableRows(run) {
  const rows = [];
  if (run.seed) {
    const floor = run.storeFloor?.applicationsPerSecond;
    rows.push([
      'seed: import',
      rate(run.seed.applicationsPerSecond),
      floor ? `rows alone ${rate(floor)}` : '',
      floor ? times(run.seed.applicationsPerSecond / floor) : '',
      '≥ 20,000/s',
    ]);
    // Everyone else on the importing API: a signed-in request every 100 ms while the import runs.
    if (run.seed.otherRequests)
      rows.push(['seed: GET /api/me meanwhile p50 / p99', both(run.seed.otherRequests), '', '', '']);
  }
  const { submit, submitBare } = run;
  if (submit && submitBare) {
    rows.push([
      'submit: accepted applications',
      rate(submit.acceptedPerSecond),
      `bare ${rate(submitBare.acceptedPerSecond)}`,
      times(submit.acceptedPerSecond / submitBare.acceptedPerSecond),
      '≥ 800/s, ≥ 0.5× bare',
    ]);
    rows.push([
      'submit: request p50 / p99 (all 3)',
      both(submit.latency),
      `bare ${both(submitBare.latency)}`,
      times(submit.latency.p99 / submitBare.latency.p99),
      'p99 ≤ 100 ms',
    ]);
    rows.push([
      'submit: the submit request p50 / p99',
      both(submit.submitLatency),
      `bare ${both(submitBare.submitLatency)}`,
      '',
      '',
    ]);
    rows.push([
      'submit: intake backlog peak / drained after',
      `${submit.backlog.peak} / ${submit.backlog.drainSeconds === null ? 'not drained' : `${submit.backlog.drainSeconds.toFixed(1)} s`}`,
      `bare ${submitBare.backlog.peak} / ${submitBare.backlog.drainSeconds?.toFixed(1) ?? '–'} s`,
      '',
      'drains as fast as it fills',
    ]);
    rows.push([
      'submit: API peak RSS',
      `${Math.round(submit.peakRssMb)} MB`,
      `bare ${Math.round(submitBare.peakRssMb)} MB`,
      '',
      '≤ 300 MB',
    ]);
  }
  if (run.queuePage) {
    const label = `${run.queuePage.queueSize.toLocaleString('en')} files`;
    rows.push([`queue page: first (${label}) p50 / p99`, both(run.queuePage.first), '', '', 'p99 ≤ 50 ms']);
    rows.push(['queue page: deep cursor p50 / p99', both(run.queuePage.deep), '', '', 'p99 ≤ 50 ms']);
  }
  rows.push(...queueSearchRows(run.queueSearch));
  for (const [scope, figures] of Object.entries(run.report ?? {})) {
    rows.push([
      `report: summary of a year, ${scope === 'agency' ? `agency ${figures.agency}` : `province ${figures.agency}`} p50 / p99`,
      both(figures.api),
      `naive ${both(figures.naive)}`,
      times(figures.naive.p50 / figures.api.p50),
      'p50 ≤ 20 ms, ≥ 20× naive',
    ]);
  }
  if (run.serviceIndex) {
    for (const part of ['index', 'ranking']) {
      rows.push([
        `service index: ${part} of a year, province ${run.serviceIndex.agency} p50 / p99`,
        both(run.serviceIndex[part]),
        '',
        '',
        'p50 ≤ 50 ms',
      ]);
    }
  }
  for (const [name, files] of Object.entries(run.reportFiles ?? {})) {
    rows.push([
      `report files: ${name} of a year, first page p50 / p99`,
      both(files.first),
      '',
      '',
      'p99 ≤ 50 ms',
    ]);
    rows.push([
      `report files: ${name} of a year, deep page p50 / p99`,
      both(files.deep),
      '',
      '',
      'p99 ≤ 50 ms',
    ]);
  }
  for (const [name, figures] of Object.entries(run.workload ?? {})) {
    const target = name.startsWith('workload') ? 'p99 ≤ 100 ms' : '';
    rows.push([
      `${name} ${figures.agency}${figures.open === undefined ? '' : ` (${figures.open.toLocaleString('en')} open)`} p50 / p99`,
      both(figures.api),
      `bare SQL ${both(figures.floor)}`,
      times(figures.api.p99 / figures.floor.p99),
      target,
    ]);
  }
  if (run.deadlineScan) {
    const { scans, meanSeconds } = run.deadlineScan;
    const mean = meanSeconds === null ? 'none finished' : `${meanSeconds.toFixed(1)} s`;
    rows.push([`worker: deadline scan, mean of ${scans} (beside the above)`, mean, '', '', '']);
  }
  if (run.keepingUp) {
    const { paused, delivering, submitRateRatio } = run.keepingUp;
    const drained = delivering.backlog.drainSeconds;
    rows.push([
      'keeping up: accepted with webhooks and sync running',
      rate(delivering.acceptedPerSecond),
      `both paused ${rate(paused.acceptedPerSecond)}`,
      times(submitRateRatio),
      '≥ 0.90×',
    ]);
    rows.push([
      'keeping up: deliveries and sync left peak / caught up after',
      `${delivering.backlog.peak} / ${drained === null ? 'not caught up' : `${drained.toFixed(1)} s`}`,
      `${delivering.deliveriesMade} delivered, ${delivering.changesSynchronised} synchronised`,
      '',
      'within seconds',
    ]);
  }
  return rows;
}

function queueSearchRows(search) {
  if (!search) return [];
  const labels = {
    code: 'receipt code',
    name: 'applicant name',
    nationalId: 'national ID number',
    procedureOverdue: `procedure ${search.procedure}, overdue`,
    holderMe: 'holder=me',
    dueSoon: 'dueSoon',
  };
  return Object.entries(labels).map(([key, label]) => {
    const { api, sql, found, queries } = search[key];
    return [
      `queue search: ${label} (${found} of ${queries} find files) p50 / p99`,
      both(api),
      `SQL alone ${both(sql)}`,
      times(api.p99 / sql.p99),
      'p99 ≤ 50 ms',
    ];
  });
}

export function printTable(run) {
  const header = ['figure', 'OneGate', 'baseline', 'baseline ÷ or ×', 'target'];
  const rows = [header, ...tableRows(run)];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log();
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(
    `\n${run.machine.cpus} CPUs, ${run.options.api} API / ${run.options.workers} worker process(es), ` +
      `${run.options.connections} connections; load average at start ${run.load.atStart.join(' ')}, at end ${run.load.atEnd?.join(' ')}`,
  );
}
