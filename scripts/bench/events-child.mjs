// One measurement of the events benchmark, in its own process so that its peak RSS is its own:
//   node events-child.mjs stream <log> <events-bundle.mjs> [reader]   streaming parse → attempts
//   node events-child.mjs whole <log>                         the baseline: one fast-xml-parser document
// Prints one JSON line: { ms, cpuMs, bytes, maxRssMB, … }. cpuMs (user + system, all threads) is
// printed next to the wall time because a shared machine's load stretches the wall time only.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [mode, file, bundle, reader = 'fast'] = process.argv.slice(2);
const bytes = statSync(file).size;
const maxRssMB = () => process.resourceUsage().maxRSS / 1024;
const cpuMs = (since) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

if (mode === 'stream') {
  const { parseEventStream, AttemptTracker, newestFirst } = await import(pathToFileURL(bundle).href);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let events = 0;
  let problems = 0;
  let attempts = 0;
  let failed = 0;
  // What `prt error` needs from a huge log: every attempt seen, the newest few kept in full.
  const newest = [];
  const tracker = new AttemptTracker();
  const take = (done) => {
    for (const a of done) {
      attempts++;
      if (!a.Succeeded) failed++;
      newest.push(a);
    }
    if (newest.length > 200) newest.splice(0, newest.length - 100);
  };
  const source = createReadStream(file, { highWaterMark: 256 * 1024 });
  for await (const item of parseEventStream(source, { source: file, reader })) {
    if (item.event) {
      events++;
      take(tracker.push(item.event));
    } else problems++;
  }
  take(tracker.end());
  const ms = performance.now() - t0;
  const cpu = cpuMs(c0);
  const top = newestFirst(newest)[0];
  process.stdout.write(JSON.stringify({ ms, cpuMs: cpu, bytes, maxRssMB: maxRssMB(), events, problems, attempts, failed, newest: top?.Start ?? null }) + '\n');
} else if (mode === 'whole') {
  const require = createRequire(import.meta.url);
  const { XMLParser } = require('fast-xml-parser');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const text = readFileSync(file, 'utf8');
  const doc = new XMLParser().parse(text);
  const ms = performance.now() - t0;
  const cpu = cpuMs(c0);
  const events = Array.isArray(doc.Event) ? doc.Event.length : 0;
  process.stdout.write(JSON.stringify({ ms, cpuMs: cpu, bytes, maxRssMB: maxRssMB(), events }) + '\n');
} else {
  process.stderr.write('usage: events-child.mjs stream|whole <log> [bundle]\n');
  process.exit(2);
}
