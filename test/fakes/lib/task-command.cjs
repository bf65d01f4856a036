// For the fake schtasks: reads a task XML (UTF-8) and prints its Exec action as NUL-separated
// fields: the working folder, the program, then each argument as the C runtime splits the
// <Arguments> line (CommandLineToArgvW rules), so the fake runs exactly what Windows would.
'use strict';
const { readFileSync } = require('node:fs');

const xml = readFileSync(process.argv[2], 'utf8');
const unescape = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const element = (name) => {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return match ? unescape(match[1]) : '';
};

function splitWindowsArguments(line) {
  const args = [];
  let current = '';
  let inQuotes = false;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') {
      let count = 0;
      while (line[i] === '\\') { count++; i++; }
      if (line[i] === '"') {
        current += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) current += '"';
        else inQuotes = !inQuotes;
      } else {
        current += '\\'.repeat(count);
        i--;
      }
      started = true;
    } else if (char === '"') {
      if (inQuotes && line[i + 1] === '"') { current += '"'; i++; }
      else inQuotes = !inQuotes;
      started = true;
    } else if (!inQuotes && (char === ' ' || char === '\t')) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) args.push(current);
  return args;
}

const fields = [element('WorkingDirectory'), element('Command'), ...splitWindowsArguments(element('Arguments'))];
process.stdout.write(fields.map((field) => `${field}\0`).join(''));
