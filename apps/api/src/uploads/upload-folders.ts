import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where API processes keep the files of uploads being received, each process in a folder of its own. */
export const UPLOADS_ROOT = join(tmpdir(), 'onegate-uploads');

/** This process's folder; made again whenever an upload needs it (another process's sweep may have removed it). */
export const PROCESS_UPLOAD_FOLDER = join(UPLOADS_ROOT, `${process.pid}-${randomUUID().slice(0, 8)}`);

export async function processUploadFolder(): Promise<string> {
  await mkdir(PROCESS_UPLOAD_FOLDER, { recursive: true });
  return PROCESS_UPLOAD_FOLDER;
}

/** A route may still be storing an upload's file once the request itself is in. */
const ROUTE_MARGIN_MS = 60_000;

/**
 * Removes what processes that died left in UPLOADS_ROOT (docs/operations.md, "Slow clients"): every
 * file not written to for longer than a request may last (plus a margin for the route to finish with
 * it), and the folders left empty. A live process's files are never that old, so a sibling process
 * sharing the temporary directory loses nothing.
 */
export async function removeStaleUploads(requestTimeoutMs: number, now = Date.now()): Promise<void> {
  const staleBefore = now - requestTimeoutMs - ROUTE_MARGIN_MS;
  for (const name of await entriesOf(UPLOADS_ROOT)) {
    const folder = join(UPLOADS_ROOT, name);
    // Read before its files go: removing them makes the folder look fresh.
    const folderModified = await modifiedAt(folder);
    for (const file of await entriesOf(folder)) {
      const path = join(folder, file);
      if (((await modifiedAt(path)) ?? now) < staleBefore) await rm(path, { force: true, recursive: true });
    }
    // rmdir, not rm: a folder a live process has just written to again is not empty, and stays.
    if ((folderModified ?? now) < staleBefore && !isRunning(name)) await rmdir(folder).catch(() => undefined);
  }
}

/** Whether the process a folder is named after still runs here (signal 0 only asks). */
function isRunning(folderName: string): boolean {
  const pid = Number.parseInt(folderName, 10);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function entriesOf(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => []);
}

async function modifiedAt(path: string): Promise<number | null> {
  return stat(path).then(
    (found) => found.mtimeMs,
    () => null,
  );
}
