import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

// The calendar runs inside Temporal's deterministic workflow sandbox (docs/ARCHITECTURE.md §3, §5).
const dir = join(__dirname, '../../calendar');
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));

const FORBIDDEN: ReadonlyArray<[string, RegExp]> = [
  ['Node built-in import', /from\s+['"](node:|fs|path|os|crypto|child_process|http|https|net|util|process)['"/]/],
  ['require()', /\brequire\s*\(/],
  ['clock read', /Date\.now|new Date\(\s*\)|performance\.now/],
  ['Intl', /\bIntl\./],
  ['randomness', /Math\.random/],
  ['process global', /\bprocess\./],
  ['toLocale*', /toLocale\w*\(/],
];

describe('calendar purity', () => {
  it('has source files to check, including the index', () => {
    expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining(['index.ts', 'workingDays.ts', 'london.ts']));
  });

  it.each(FORBIDDEN)('uses no %s', (_name, pattern) => {
    const offenders = sources.filter((s) => pattern.test(s.text)).map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it('does not construct Date objects at all (no host-zone dependence)', () => {
    expect(sources.filter((s) => /new Date\(/.test(s.text)).map((s) => s.file)).toEqual([]);
  });
});
