// The indexer at archive scale (issue 16): generates N synthetic news articles (1,000,000 by
// default, about 4 GB of text) as one JSONL file, indexes them in format 3 with texts and
// without (--no-text), and prints for each step the wall time, the peak resident memory and the
// size on disk, against the goals. The corpus and the indexes are deleted afterwards.
//
//   node tests/bench/index-million.mjs [N] [--keep DIR]
//
// --keep DIR writes into DIR and keeps everything (to serve the index to the page). Needs about
// 4.5 GB free per million articles for the corpus and as much again for the indexes.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const args = process.argv.slice(2);
const keepAt = args.indexOf('--keep');
const keep = keepAt >= 0 ? path.resolve(args[keepAt + 1]) : null;
const n = Number(args.find((a, i) => /^\d+$/.test(a) && (keepAt < 0 || i !== keepAt + 1)) ?? 1_000_000);
const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-million-'));
fs.mkdirSync(dir, { recursive: true });

const free = Number(execFileSync('df', ['--output=avail', '-B1', dir]).toString().split('\n')[1]);
const needed = n * 9_000;
if (free < needed) {
  console.error(`${dir}: ${(free / 1e9).toFixed(1)} GB free, and ${(needed / 1e9).toFixed(1)} GB are needed for ${n.toLocaleString('en')} articles`);
  process.exit(1);
}

execFileSync('cargo', ['build', '--release', '-q', '-p', 'broadsheet-cli'], { cwd: root, stdio: 'inherit' });
const bin = path.join(root, 'target/release/broadsheet-extract');

/** Runs the CLI under /usr/bin/time -v: wall seconds, peak resident bytes and what it said. */
function timed(cliArgs) {
  const run = spawnSync('/usr/bin/time', ['-v', bin, ...cliArgs], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) {
    console.error(run.stderr);
    throw new Error(`broadsheet-extract ${cliArgs.join(' ')} failed`);
  }
  const field = (name) => run.stderr.split('\n').find((l) => l.includes(name))?.split(': ').pop();
  const [h, m, s] = ['0', '0', ...field('Elapsed (wall clock)').split(':')].slice(-3).map(Number);
  const cpu = Number(field('User time')) + Number(field('System time'));
  return { wall: h * 3600 + m * 60 + s, cpu, rss: Number(field('Maximum resident set size')) * 1024, said: run.stderr.split('\n')[0] };
}

function bytesIn(folder) {
  return fs.readdirSync(folder).reduce((sum, f) => sum + fs.statSync(path.join(folder, f)).size, 0);
}

const gb = (b) => `${(b / 1e9).toFixed(2)} GB`;
const verdict = (ok) => (ok ? 'met' : 'NOT MET');
console.log(`${os.cpus().length} cores; load average before ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${dir}`);

const generated = timed(['generate', String(n), dir]);
const textBytes = Number(/(\d+) bytes of text/.exec(generated.said)[1]);
const jsonl = path.join(dir, 'corpus.jsonl');
console.log(`generate ${n}: ${generated.wall.toFixed(1)} s wall, ${(generated.rss / 1e6).toFixed(1)} MB peak resident; ${gb(textBytes)} of text, corpus.jsonl ${gb(fs.statSync(jsonl).size)}`);

for (const [name, extra] of [['with texts', []], ['without texts', ['--no-text']]]) {
  const out = path.join(dir, extra.length ? 'index-no-text' : 'index');
  const run = timed(['index', out, jsonl, ...extra]);
  const size = bytesIn(out);
  const files = fs.readdirSync(out).length;
  const loaded = ['table', 'dictionary'].map((k) => fs.readdirSync(out).filter((f) => f.startsWith(`${k}-`)).reduce((s, f) => s + fs.statSync(path.join(out, f)).size, 0));
  const sizeGoal = extra.length ? size <= 1e9 : size <= 1.5 * textBytes;
  console.log(
    `index ${name}: ${run.wall.toFixed(1)} s wall (goal ≤ 180: ${verdict(run.wall <= 180)}; ${run.cpu.toFixed(0)} s of CPU), ${gb(run.rss)} peak resident (goal ≤ 2: ${verdict(run.rss <= 2e9)}), ` +
      `${gb(size)} on disk in ${files} files (${(size / textBytes).toFixed(2)}× the text; goal ${extra.length ? '≤ 1 GB' : '≤ 1.5×'}: ${verdict(sizeGoal)}); ` +
      `loaded up front: table ${(loaded[0] / 1e6).toFixed(1)} MB, dictionary ${(loaded[1] / 1e6).toFixed(2)} MB`,
  );
  console.log(`  ${run.said}`);
}

if (!keep) {
  fs.rmSync(dir, { recursive: true, force: true });
}
