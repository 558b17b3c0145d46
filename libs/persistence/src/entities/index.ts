import { Agency } from './agency.entity';
import { JobRun } from './job-run.entity';
import { Procedure } from './procedure.entity';
import { User } from './user.entity';

export * from './agency.entity';
export * from './job-run.entity';
export * from './procedure.entity';
export * from './timestamp.column';
export * from './user.entity';

export const ENTITIES = [Agency, Procedure, User, JobRun];
