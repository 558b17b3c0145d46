import { collectDefaultMetrics, Registry } from 'prom-client';

/** One registry per process, with Node's default metrics, prefixed onegate_. */
export function createMetricsRegistry(processName: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ process: processName });
  collectDefaultMetrics({ register: registry, prefix: 'onegate_' });
  return registry;
}
