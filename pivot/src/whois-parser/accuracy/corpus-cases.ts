/**
 * The WHOIS corpus (../shared/corpora/whois-responses): each response `X.txt` with, for most, the
 * expected parse `X.expected` beside it; the answering server is the first path segment.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readExpectedFile, type ExpectedParse } from './expected-file-reader.js';

export interface CorpusCase {
  /** Path under the corpus root ("whois.nic.fr/fr/status_registered.txt"). */
  readonly file: string;
  readonly server: string;
  readonly text: string;
  /** Null when the response has no `.expected` file (parsed only to see it does not crash). */
  readonly expected: ExpectedParse | null;
}

/** The corpus root: ../shared/corpora/whois-responses beside the repository. */
export function whoisCorpusRoot(repositoryRoot: string): string {
  return join(repositoryRoot, '..', 'shared', 'corpora', 'whois-responses');
}

function* textFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* textFiles(path);
    else if (entry.name.endsWith('.txt') && entry.name !== 'LICENSE.txt') yield path;
  }
}

export function loadCorpusCases(root: string): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const path of textFiles(root)) {
    const file = relative(root, path).split(sep).join('/');
    const expectedPath = path.replace(/\.txt$/, '.expected');
    cases.push({
      file,
      server: file.split('/')[0]!,
      // The responses are stored as the client would decode them; a few are Latin-1.
      text: readFileSync(path, 'utf8'),
      expected: existsSync(expectedPath) ? readExpectedFile(readFileSync(expectedPath, 'utf8')) : null,
    });
  }
  return cases;
}
