import type { MessageFile } from '@onegate/applications';

/** Multer's received file parts as the services take them; names arrive as Latin-1 bytes of UTF-8. */
export function receivedFiles(files: Express.Multer.File[] | undefined): MessageFile[] {
  return (files ?? []).map((file) => ({
    originalName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
    path: file.path,
    sizeBytes: file.size,
  }));
}
