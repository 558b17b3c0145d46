import { readFileSync } from 'node:fs';

import { installedPackageFile } from '../installed-file';

const FONT_PACKAGE = '@expo-google-fonts/be-vietnam-pro';

export interface DocumentFonts {
  regular: Buffer;
  bold: Buffer;
}

let loaded: DocumentFonts | null = null;

/**
 * Be Vietnam Pro (SIL Open Font License), a TrueType face drawn for Vietnamese: every precomposed
 * letter with its tone mark, embedded (subset) in each PDF so any reader shows and extracts it.
 */
export function documentFonts(): DocumentFonts {
  loaded ??= {
    regular: readFileSync(installedPackageFile(FONT_PACKAGE, '400Regular/BeVietnamPro_400Regular.ttf')),
    bold: readFileSync(installedPackageFile(FONT_PACKAGE, '700Bold/BeVietnamPro_700Bold.ttf')),
  };
  return loaded;
}
