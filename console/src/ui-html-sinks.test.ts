import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

/**
 * The web UI builds every node with createElement and text nodes (console/ui/dom.ts). This test
 * fails the build if any UI source reaches for an API that parses a string as HTML or runs it as
 * code: with scraped ads on screen, one such call is a stored XSS.
 */
const uiSources = fileURLToPath(new URL('../ui/', import.meta.url));

const htmlSinks: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'innerHTML', pattern: /\binnerHTML\b/ },
  { name: 'outerHTML', pattern: /\bouterHTML\b/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/ },
  { name: 'document.write', pattern: /\bdocument\s*\.\s*write(?:ln)?\b/ },
  { name: 'createContextualFragment', pattern: /\bcreateContextualFragment\b/ },
  { name: 'DOMParser', pattern: /\bDOMParser\b/ },
  { name: 'srcdoc', pattern: /\bsrcdoc\b/i },
  { name: 'setHTMLUnsafe', pattern: /\bsetHTMLUnsafe\b|\bparseHTMLUnsafe\b/ },
  { name: 'eval', pattern: /\beval\s*\(|\bnew\s+Function\s*\(/ },
  { name: 'string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/ },
];

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(?:ts|html)$/.test(name)) files.push(path);
  }
  return files;
}

/** Comments may name the sinks (to say why they are not used); code may not. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function sinksIn(source: string): string[] {
  const code = withoutComments(source);
  return htmlSinks.filter((sink) => sink.pattern.test(code)).map((sink) => sink.name);
}

describe('the web UI never parses data as HTML', () => {
  it('finds the sinks it looks for (the check can fail)', () => {
    assert.deepEqual(sinksIn('el.innerHTML = title;'), ['innerHTML']);
    assert.deepEqual(sinksIn("node.insertAdjacentHTML('beforeend', x); document.write(y)"), ['insertAdjacentHTML', 'document.write']);
    assert.deepEqual(sinksIn('frame.srcdoc = html'), ['srcdoc']);
    assert.deepEqual(sinksIn('// innerHTML is never used\nconst a = 1;'), []);
  });

  it('no UI source uses innerHTML, outerHTML, insertAdjacentHTML, document.write, srcdoc, DOMParser or eval', () => {
    const files = sourceFiles(uiSources);
    assert.ok(files.length >= 10, `UI sources found in ${uiSources}: ${files.length}`);
    const found = files.flatMap((file) => sinksIn(readFileSync(file, 'utf8')).map((sink) => `${file.slice(uiSources.length)}: ${sink}`));
    assert.deepEqual(found, []);
  });
});
