import { CreateAgencies1764100000000 } from './1764100000000-create-agencies';
import { CreateProcedures1764100001000 } from './1764100001000-create-procedures';
import { CreateUsers1764100002000 } from './1764100002000-create-users';
import { CreateJobRuns1764100003000 } from './1764100003000-create-job-runs';

/** Every migration, in order. Listed explicitly so bundled builds need no file globbing. */
export const MIGRATIONS = [
  CreateAgencies1764100000000,
  CreateProcedures1764100001000,
  CreateUsers1764100002000,
  CreateJobRuns1764100003000,
];
