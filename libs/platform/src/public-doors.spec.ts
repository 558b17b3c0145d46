import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Each lib's index.ts is its public door: it names what other code imports from `@onegate/<lib>`, and
 * nothing else (docs/architecture.md, "Libraries and what they import").
 */
const ROOT = resolve(__dirname, '../../..');
const SCANNED = ['apps', 'libs', 'test', 'bench', 'scripts', 'migrations'];
const DOORS = new Map([
  ...readdirSync(join(ROOT, 'libs')).map((lib) => [lib, `libs/${lib}/src`] as const),
  ['migrations', 'migrations'] as const,
]);
/** Files allowed past a door by relative path, and why. */
const THROUGH_THE_WALL = new Map([
  // Compares the migrations' frozen copy of the sealing code with today's cipher.
  ['libs/persistence/src/key-rotation/migration-sealing.spec.ts', 'migrations'],
]);

interface Import {
  file: string;
  lib: string;
  names: string[];
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist'].includes(entry.name) ? [] : sourceFiles(path);
    return /\.m?ts$/.test(entry.name) ? [relative(ROOT, path).split(sep).join('/')] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

/** The lib (or migrations) a file belongs to. */
function ownerOf(file: string): string | undefined {
  return [...DOORS].find(([, folder]) => file === folder || file.startsWith(`${folder}/`))?.[0];
}

/** The names a namespace import (`import * as x`) reads as `x.Name`. */
function namesReadThrough(source: ts.SourceFile, namespace: string): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && node.expression.getText() === namespace)
      names.push(node.name.text);
    if (ts.isQualifiedName(node) && node.left.getText() === namespace) names.push(node.right.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** The names an import or re-export takes; `*` for a plain `export *`. */
function namesTaken(statement: ts.ImportDeclaration | ts.ExportDeclaration, source: ts.SourceFile): string[] {
  if (ts.isExportDeclaration(statement)) {
    const clause = statement.exportClause;
    return clause && ts.isNamedExports(clause)
      ? clause.elements.map((element) => (element.propertyName ?? element.name).text)
      : ['*'];
  }
  const clause = statement.importClause;
  const bindings = clause?.namedBindings;
  return [
    ...(clause?.name ? ['default'] : []),
    ...(bindings && ts.isNamedImports(bindings)
      ? bindings.elements.map((element) => (element.propertyName ?? element.name).text)
      : []),
    ...(bindings && ts.isNamespaceImport(bindings) ? namesReadThrough(source, bindings.name.text) : []),
  ];
}

/** Every `@onegate/<lib>` import and re-export in the repository, and every relative path it names. */
function scan(): { imports: Import[]; relativePaths: { file: string; target: string }[] } {
  const imports: Import[] = [];
  const relativePaths: { file: string; target: string }[] = [];
  for (const file of SCANNED.filter((folder) => existsSync(join(ROOT, folder))).flatMap(sourceFiles)) {
    const source = parse(file);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier)) continue;
      const alias = /^@onegate\/(.+)$/.exec(specifier.text);
      if (alias) imports.push({ file, lib: alias[1], names: namesTaken(statement, source) });
      if (specifier.text.startsWith('.'))
        relativePaths.push({ file, target: join(dirname(file), specifier.text).split(sep).join('/') });
    }
  }
  return { imports, relativePaths };
}

/** The names an index exports; `* from '<file>'` for each `export *`. */
function exportsOf(lib: string): string[] {
  const source = parse(`${DOORS.get(lib)}/index.ts`);
  return source.statements.flatMap((statement) => {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause)) return clause.elements.map((element) => element.name.text);
      return [`* from ${statement.moduleSpecifier?.getText()}`];
    }
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported) return [];
    if (ts.isVariableStatement(statement))
      return statement.declarationList.declarations.map((declaration) => declaration.name.getText());
    const named = statement as ts.DeclarationStatement;
    return [named.name?.getText() ?? 'default'];
  });
}

describe('public doors', () => {
  const { imports, relativePaths } = scan();
  const libs = [...DOORS.keys()].sort();

  it('name what they export: no index uses `export *`', () => {
    for (const lib of libs)
      expect({ lib, stars: exportsOf(lib).filter((name) => name.startsWith('*')) }).toEqual({
        lib,
        stars: [],
      });
  });

  it('export only what code outside the lib imports', () => {
    for (const lib of libs) {
      const used = new Set(
        imports.filter((i) => i.lib === lib && ownerOf(i.file) !== lib).flatMap((i) => i.names),
      );
      const unused = exportsOf(lib).filter((name) => !name.startsWith('*') && !used.has(name));
      expect({ lib, unused }).toEqual({ lib, unused: [] });
    }
  });

  it('are not used from inside: a lib reaches its own files by relative path', () => {
    const selfImports = imports.filter((i) => ownerOf(i.file) === i.lib).map((i) => i.file);
    expect(selfImports).toEqual([]);
  });

  it('are the only way in: no relative path into another lib', () => {
    const reached = relativePaths
      .map(({ file, target }) => ({ file, owner: ownerOf(target) }))
      .filter(({ file, owner }) => owner && owner !== ownerOf(file) && THROUGH_THE_WALL.get(file) !== owner);
    expect(reached).toEqual([]);
  });
});
