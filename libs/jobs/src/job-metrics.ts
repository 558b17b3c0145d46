import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

type JobLabels = 'queue' | 'job' | 'outcome';
export type JobOutcome = 'completed' | 'failed';

/** Counts and times every job a worker runs, by queue, job name and outcome. */
@Injectable()
export class JobMetrics {
  private readonly runs: Counter<JobLabels>;
  private readonly duration: Histogram<JobLabels>;

  public constructor(registry: Registry) {
    this.runs = new Counter({
      name: 'onegate_jobs_total',
      help: 'Jobs run by queue, job name and outcome',
      labelNames: ['queue', 'job', 'outcome'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'onegate_job_duration_seconds',
      help: 'Job run time by queue, job name and outcome',
      labelNames: ['queue', 'job', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
      registers: [registry],
    });
  }

  public start(queue: string, job: string): (outcome: JobOutcome) => void {
    const stop = this.duration.startTimer({ queue, job });
    return (outcome) => {
      stop({ outcome });
      this.runs.inc({ queue, job, outcome });
    };
  }
}
