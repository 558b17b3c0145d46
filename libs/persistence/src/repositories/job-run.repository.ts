import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import { JobRun } from '../entities';
import type { JsonObject } from '../entities';

export interface FinishedJob {
  queue: string;
  name: string;
  jobId: string;
  payload: JsonObject;
}

@Injectable()
export class JobRunRepository {
  private readonly runs: Repository<JobRun>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.runs = dataSource.getRepository(JobRun);
  }

  /** Records a finished job once; a re-delivered job finds its row and changes nothing. */
  public async recordOnce(job: FinishedJob): Promise<JobRun> {
    const row = { id: randomUUID(), ...job, processedAt: new Date() };
    // The JSON payload type is too deep for TypeORM's partial-entity typing; the row is a full JobRun.
    await this.runs
      .createQueryBuilder()
      .insert()
      .values(row as object)
      .orIgnore()
      .execute();
    return this.runs.findOneByOrFail({ queue: job.queue, jobId: job.jobId });
  }

  public find(queue: string, jobId: string): Promise<JobRun | null> {
    return this.runs.findOneBy({ queue, jobId });
  }
}
