// The reader's own corpora the end-to-end tests load, written for them, served
// beside the page by serve.mjs (`{ path: { type, body, delay? } }`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const jsonl = (lines) => lines.map((line) => JSON.stringify(line)).join('\n');

export const fixtures = {
  '/fixtures/manifest.json': { type: 'application/json', body: JSON.stringify({ files: ['one.txt', 'two.txt', 'gone.txt'] }) },
  '/fixtures/one.txt': { type: 'text/plain', body: 'Harbour bridge reopens\n\n“We are proud of the crews,” Mayor Ingrid Olsen said on Monday.' },
  '/fixtures/two.txt': { type: 'text/plain', body: 'title: Ferry strike ends\ndate: 2024-06-02\n\n“The ferries sail again,” union leader Tomas Berg told reporters.' },
  '/fixtures/corpus.jsonl': { type: 'application/x-ndjson', body: '{"id": "j1", "title": "Rail plan", "date": "2024-01-05", "text": "“Trains first,” said Nora Lind."}\nnot json\n' },
  '/fixtures/page.html': { type: 'text/html', body: '<html><body>hello</body></html>' },
  '/fixtures/markup.txt': { type: 'text/plain', body: 'Harbour <img src=x onerror="alert(1)"> & news\n\n“We will <b>reopen</b> the pier,” said Marta Quist.' },
  '/fixtures/empty/index.json': { type: 'application/json', body: JSON.stringify({ broadsheet_index: 2, articles: 0, quotes: 0, shards: [{ url: 'shard-00000.bin', articles: 0, bytes: 1 }] }) },
  // An empty list of articles, as postcard writes it.
  '/fixtures/empty/shard-00000.bin': { type: 'application/octet-stream', body: Buffer.from([0]) },
  // Files that are not text: a binary file of no corpus's name, as a server that
  // does not know its type sends it, and one named as an article.
  '/fixtures/file.bin': { type: 'application/octet-stream', body: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0x3e, 0]) },
  '/fixtures/nul.txt': { type: 'text/plain', body: Buffer.from('T\0i\0t\0l\0e\0\n\0\n\0B\0o\0d\0y\0', 'latin1') },
};

// Enough articles for several extraction batches, each with its own speaker and words to find it by.
export const wire = jsonl(Array.from({ length: 240 }, (_, i) =>
  ({ id: `w${i}`, title: `Wire story ${i}`, text: `“Shipment ${i} is on its way,” port director Lena Sorensen${i % 2 ? '' : 'sdottir'} said.` })));
fixtures['/fixtures/wire.jsonl'] = { type: 'application/x-ndjson', body: wire };

// Eighty speakers, more than a facet lists at first.
const givenNames = ['Anna', 'Erik', 'Maria', 'Jonas', 'Sara', 'Lars', 'Eva', 'Peter', 'Nina', 'Oskar'];
const surnames = ['Holm', 'Berg', 'Lind', 'Dahl', 'Strand', 'Falk', 'Nyberg', 'Wik'];
fixtures['/fixtures/council.jsonl'] = { type: 'application/x-ndjson', body: jsonl(Array.from({ length: 80 }, (_, i) =>
  ({ id: `c${i}`, title: `Council note ${i}`, text: `“Item ${i} passed,” said ${givenNames[i % 10]} ${surnames[Math.floor(i / 10)]}.` }))) };

// Markup and script in every place a corpus puts text. Each vector would set
// `window.pwned` (or open a dialog) if it ran; all of it must show as written.
// Straight double quotes only where no quotation is (a quotation mark ends a quote).
export const hostile = {
  img: '<img src=x onerror=window.pwned=1>',
  svg: '<svg onload=window.pwned=2>',
  script: '</script><script>window.pwned=3</script>',
  link: 'javascript:window.pwned=4',
  attribute: '" onmouseover="window.pwned=5" x="',
  single: "' onfocus='window.pwned=6' autofocus x='",
  template: "{{constructor.constructor('window.pwned=7')()}} ${window.pwned=8} <%= 7*7 %>",
  rtl: '\u202Etxt.exe\u202C',
};
export const hostileArticles = [
  { id: hostile.attribute, title: `${hostile.img} ${hostile.rtl} Harbour ${hostile.attribute}`, date: hostile.script,
    text: `“Open the ${hostile.svg} gate ${hostile.template},” said Mira O'Hara-Smith in Oslo.\n\nAT&T ${hostile.attribute} fell, ${hostile.link}.` },
  { id: 'plain-2', title: hostile.link, date: '2024-03-01',
    text: `“We stay ${hostile.single} and ${hostile.img},” said Jon Berg on Friday.\n\n${hostile.script} ${hostile.rtl}` },
  { id: hostile.svg, title: hostile.template, text: `“Nothing ${hostile.script} happens,” said Mira O'Hara-Smith.` },
];
fixtures['/fixtures/hostile.jsonl'] = { type: 'application/x-ndjson', body: jsonl(hostileArticles) };
fixtures['/fixtures/hostile-manifest.json'] = { type: 'application/json', body: JSON.stringify([hostile.link, `${hostile.img}.txt`, 'hostile.jsonl.txt']) };
fixtures['/fixtures/hostile.jsonl.txt'] = { type: 'text/plain', body: `${hostile.template}\n\n“Read ${hostile.script} aloud,” said Jon Berg.` };

// The wire corpus pre-extracted by the command-line program into an index of
// three shards (format 2, which the page reads), the middle one then lost.
{
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-index-'));
  fs.writeFileSync(path.join(dir, 'in.jsonl'), wire.split('\n').slice(0, 5).join('\n'));
  execFileSync('cargo', ['run', '-q', '-p', 'broadsheet-cli', '--', 'index', path.join(dir, 'out'), path.join(dir, 'in.jsonl'), '--format', '2', '--shard', '2'], { cwd: root, stdio: 'ignore' });
  for (const f of fs.readdirSync(path.join(dir, 'out'))) {
    const type = f.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    const body = fs.readFileSync(path.join(dir, 'out', f));
    if (f !== 'shard-00001.bin') fixtures[`/fixtures/index/${f}`] = { type, body };
    // The same index whole, its first two shards slow to arrive.
    fixtures[`/fixtures/slow-index/${f}`] = { type, body, delay: f === 'shard-00002.bin' || f === 'index.json' ? 0 : 1500 };
  }
  fs.rmSync(dir, { recursive: true });
}

// Dated articles over three months, one undated, whose speakers are quoted about each other;
// served as JSONL and as an index the command-line program made of it.
export const dated = jsonl([
  { id: 'd1', title: 'Port budget passes', date: '2024-01-10', text: '“The port gets its crane,” harbour master Ola Strand said about Bergen.\n\n“Strand is right,” said Eva Nyberg.' },
  { id: 'd2', title: 'Crane delayed', date: '2024-02-14', text: '“The crane is late,” harbour master Ola Strand said.\n\n“Bergen waits,” said Eva Nyberg.' },
  { id: 'd3', title: 'Crane arrives', date: '2024-03-20', text: '“It is here at last,” Ola Strand said in Bergen.' },
  { id: 'd4', title: 'Letters', text: '“Ask Ola Strand about the crane,” wrote Karl Falk.' },
]);
fixtures['/fixtures/dated.jsonl'] = { type: 'application/x-ndjson', body: dated };
{
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-dated-'));
  fs.writeFileSync(path.join(dir, 'in.jsonl'), dated);
  execFileSync('cargo', ['run', '-q', '-p', 'broadsheet-cli', '--', 'index', path.join(dir, 'out'), path.join(dir, 'in.jsonl'), '--format', '2', '--shard', '2'], { cwd: root, stdio: 'ignore' });
  for (const f of fs.readdirSync(path.join(dir, 'out'))) {
    fixtures[`/fixtures/dated-index/${f}`] = { type: f.endsWith('.json') ? 'application/json' : 'application/octet-stream', body: fs.readFileSync(path.join(dir, 'out', f)) };
  }
  fs.rmSync(dir, { recursive: true });
}

/** A violation report (from the page's listener or a report-uri POST) as one line, for messages. */
export const describeViolation = (v) => [v['effective-directive'] ?? v.effectiveDirective ?? v['violated-directive'],
  v['blocked-uri'] ?? v.blockedURI, v['script-sample'] ?? v.sample, v['source-file'] ?? v.sourceFile].filter(Boolean).join(' ');

/** Headless Chromium as every end-to-end test starts it (playwright-core's `chromium`). */
export const launchChromium = (chromium) => chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
