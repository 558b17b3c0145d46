/** The portal's answer to one request: `error_code` "00" is accepted. */
export interface PortalAnswer {
  accepted: boolean;
  /** The HTTP status, null when no answer came. */
  status: number | null;
  /** Why it was not accepted, without personal data: the portal's code or the network's error. */
  error: string | null;
}

/** A file's dossier as `DongBoHoSoMC` takes it (docs/integrations.md, "The dossier's fields"). */
export type PortalDossier = Record<string, string | number | Record<string, string | number>[]>;

/** One step of a file's progress as `CapNhatTienDoHoSoMC` takes it. */
export type PortalProgress = Record<string, string>;

/** What the worker's synchronisation asks of the national portal (docs/integrations.md). */
export interface NationalPortal {
  /** `DongBoHoSoMC`: creates the file at the portal, or updates it (`isUpdating`). */
  syncDossier(dossier: PortalDossier, updating: boolean): Promise<PortalAnswer>;
  /** `CapNhatTienDoHoSoMC`: one step of the file's processing. */
  updateProgress(progress: PortalProgress): Promise<PortalAnswer>;
  /** `TraCuuHoSo`: the file as the portal holds it, by its code; null when it holds none. */
  lookUp(fileCode: string): Promise<Record<string, unknown> | null>;
}

/** The adapter the worker uses, provided by NationalSyncModule. */
export const NATIONAL_PORTAL = Symbol('NATIONAL_PORTAL');

/** The services of the portal's adapter, and the code of an accepted request. */
export const PORTAL_SERVICES = {
  dossier: 'DongBoHoSoMC',
  progress: 'CapNhatTienDoHoSoMC',
  lookUp: 'TraCuuHoSo',
} as const;
export const ACCEPTED = '00';
/** Paths of the adapter's sign-in and services under NATIONAL_PORTAL_URL. */
export const SIGN_IN_PATH = '/login';
export const SERVICE_PATH = '/service';
