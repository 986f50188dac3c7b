/**
 * The web app is typed by the API's response shapes: renaming a field of a response in
 * src/domain breaks the web build. Checked with the TypeScript compiler on web/tsconfig.json,
 * once as the files are (no error) and once with a response field renamed in memory (errors in
 * the pages that read it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths.js';

/** Diagnostics of the web program, with `patch` applied to the files it names (in memory). */
function webDiagnostics(patch: Record<string, (text: string) => string> = {}): ts.Diagnostic[] {
  const configPath = join(repoRoot, 'web', 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(repoRoot, 'web'));
  const host = ts.createCompilerHost(parsed.options);
  const read = host.readFile.bind(host);
  host.readFile = (file) => {
    const text = read(file);
    const change = Object.entries(patch).find(([suffix]) => file.endsWith(suffix))?.[1];
    return text !== undefined && change ? change(text) : text;
  };
  const program = ts.createProgram(parsed.fileNames, { ...parsed.options, noEmit: true }, host);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);
}

describe('the web app against the API types', () => {
  it('type-checks as it is', () => {
    expect(webDiagnostics().map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  }, 120_000);

  it('fails to type-check when a response field it reads is renamed on the server side', () => {
    const file = 'src/domain/responses.ts';
    const original = readFileSync(join(repoRoot, file), 'utf8');
    const renamed = (text: string) => text.replace('    incoming: z.array(SourcedRelation),', '    referredBy: z.array(SourcedRelation),');
    expect(renamed(original)).not.toBe(original);
    const errors = webDiagnostics({ [file]: renamed }).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/web\/src\/pages\/actors\.ts: .*incoming/);
  }, 120_000);
});
