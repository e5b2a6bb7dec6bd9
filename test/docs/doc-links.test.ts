/**
 * The documentation stays navigable: every relative link in the README, docs/ and the READMEs
 * of the repository points at a file that exists and, for a markdown page, at a heading it has;
 * and nothing cites the old design document that lived outside the repository.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../helpers/repo-files.js';
import { anchorsOf, headingSlug, linkProblem, relativeLinks } from './markdown-links.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** README.md at the root and in every folder, and every page of docs/. */
function documentationPages(): string[] {
  const readmes = filesUnder('.', (name) => name === 'README.md');
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name));
  return [...new Set([...readmes, ...docs])].sort();
}

describe('documentation links', () => {
  const pages = documentationPages();

  it('finds the root README, the docs index and the package READMEs', () => {
    for (const page of ['README.md', 'docs/README.md', 'monitoring-service/README.md']) {
      expect(pages).toContain(page);
    }
  });

  it.each(pages)('%s links only to files and headings that exist', (page) => {
    const problems = relativeLinks(readFileSync(join(ROOT, page), 'utf8')).flatMap((link) => {
      const problem = linkProblem(join(ROOT, page), link.target);
      return problem ? [`${page}:${link.line} → ${link.target}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('the root README links docs/', () => {
    const targets = relativeLinks(readFileSync(join(ROOT, 'README.md'), 'utf8')).map(
      (link) => link.target,
    );
    expect(targets.some((target) => target.startsWith('docs/'))).toBe(true);
  });
});

describe('the link checker', () => {
  it('reports a missing file and a missing heading, and accepts good links', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doc-links-'));
    try {
      writeFileSync(join(dir, 'other.md'), '# Other page\n## Its part\n');
      const page = join(dir, 'page.md');
      writeFileSync(
        page,
        [
          '# Title',
          '## Two words',
          '[a](other.md) [b](other.md#its-part) [c](#two-words) [d](./) [e](https://example.org/x)',
          '[f](missing.md) [g](other.md#no-part) [h](#three-words) `[i](in-code.md)`',
          '```',
          '[j](in-fence.md)',
          '```',
        ].join('\n'),
      );
      const problems = relativeLinks(readFileSync(page, 'utf8')).flatMap((link) => {
        const problem = linkProblem(page, link.target);
        return problem ? [`${link.target}: ${problem}`] : [];
      });
      expect(problems).toEqual([
        'missing.md: no file missing.md',
        'other.md#no-part: no heading #no-part in other.md',
        '#three-words: no heading #three-words in this page',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('derives anchors as repository browsers do', () => {
    expect(headingSlug('Kolmogorov–Smirnov test')).toBe('kolmogorovsmirnov-test');
    expect(headingSlug('prediction-service (port 9696)')).toBe('prediction-service-port-9696');
    expect(headingSlug('`/predict` and [links](x.md)')).toBe('predict-and-links');
    expect([...anchorsOf('# A\n## A\n')]).toEqual(['a', 'a-1']);
  });
});

describe('no citation of the outside design document', () => {
  // Spelled in pieces so that this file does not match itself.
  const name = ['DES', 'IGN'].join('');
  const forbidden = [`${name} §`, `${name}.md`];
  const sources = filesUnder('.', (file) => /\.(ts|mts|mjs|md|py|ya?ml)$/.test(file));

  it('scans the sources and documentation of the repository', () => {
    expect(sources).toContain(join('monitoring-service', 'src', 'app.ts'));
    expect(sources).toContain(join('docs', 'architecture.md'));
  });

  it('finds no mention in any .ts, .md, .py or .yml file', () => {
    const mentions = sources.flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          forbidden.some((word) => line.includes(word)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(mentions).toEqual([]);
  });
});
