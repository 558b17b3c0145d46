import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

import { Client } from 'pg';

import { freePort } from '../../support/processes';

/** The folder with initdb and pg_ctl: the newest Debian/Ubuntu install, else the one on PATH. */
function postgresBinaries(): string {
  const root = '/usr/lib/postgresql';
  const installed = existsSync(root)
    ? readdirSync(root)
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => join(root, version, 'bin'))
    : [];
  let onPath: string[] = [];
  try {
    onPath = [dirname(execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim())];
  } catch {
    // not on PATH
  }
  const found = [...installed, ...onPath].find((folder) =>
    ['initdb', 'pg_ctl'].every((name) => existsSync(join(folder, name))),
  );
  if (!found) throw new Error('initdb and pg_ctl not found: the fault tests need the PostgreSQL server');
  return found;
}

/**
 * A PostgreSQL cluster of the suite's own (initdb in a temporary folder, trust authentication, a free
 * port, its socket in the same folder), that the tests may stop, start and restart. PostgreSQL refuses
 * to run as root, so as root it runs as the `postgres` system user. The shared cluster is never touched.
 */
export class PrivateCluster {
  private readonly data: string;

  private constructor(
    public readonly port: number,
    private readonly directory: string,
  ) {
    this.data = join(directory, 'data');
  }

  public static async create(): Promise<PrivateCluster> {
    const directory = mkdtempSync(join(tmpdir(), 'onegate-pg-'));
    const cluster = new PrivateCluster(await freePort(), directory);
    if (userInfo().uid === 0) {
      const postgres = postgresAccount();
      chownSync(directory, postgres.uid, postgres.gid);
    }
    cluster.run('initdb', ['-D', cluster.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    cluster.pgCtl('start');
    // Never outlives the test run, even one that ends without removing it.
    process.once('exit', () => cluster.remove());
    return cluster;
  }

  /** A URL of a database of this cluster (`postgres` unless named). */
  public url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  public async createDatabase(name: string): Promise<string> {
    const client = new Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** Stops the server at once (every connection is cut, as in a crash), or starts it again. */
  public stop(): void {
    this.pgCtl('stop');
  }

  public start(): void {
    this.pgCtl('start');
  }

  public remove(): void {
    if (!existsSync(this.directory)) return;
    if (existsSync(join(this.data, 'postmaster.pid'))) this.pgCtl('stop');
    rmSync(this.directory, { recursive: true, force: true });
  }

  private pgCtl(action: 'start' | 'stop'): void {
    const options =
      action === 'start'
        ? ['-o', `-p ${this.port} -k ${this.directory} -c listen_addresses=127.0.0.1 -c fsync=off`]
        : ['-m', 'immediate'];
    this.run('pg_ctl', ['-D', this.data, '-l', join(this.directory, 'server.log'), '-w', ...options, action]);
  }

  private run(program: string, args: string[]): void {
    const binary = join(postgresBinaries(), program);
    const [command, commandArgs] =
      userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
    try {
      execFileSync(command, commandArgs, { stdio: 'pipe', timeout: 60_000 });
    } catch (error) {
      const { stderr, message } = error as { stderr?: Buffer; message: string };
      throw new Error(`${program} ${args.at(-1)} failed: ${stderr?.toString().trim() || message}`);
    }
  }
}

function postgresAccount(): { uid: number; gid: number } {
  try {
    const [uid, gid] = ['-u', '-g'].map((flag) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()),
    );
    return { uid, gid };
  } catch {
    throw new Error('running as root needs a `postgres` system user to run the private PostgreSQL');
  }
}
