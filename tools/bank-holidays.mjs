// npm run bank-holidays [-- <file or URL>]
//
// Refreshes services/domain/calendar/bank-holidays.json, the England and Wales bank holidays the
// working-day clocks count, from GOV.UK's published data file (https://www.gov.uk/bank-holidays.json
// by default, or a copy of it saved to disk). Only the england-and-wales division is kept, as
// published. Then run the calendar tests: test/calendar/bankHolidays.test.ts checks the dates
// against the rules and fails twelve months before the data runs out.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const source = process.argv[2] ?? 'https://www.gov.uk/bank-holidays.json';
const target = fileURLToPath(new URL('../services/domain/calendar/bank-holidays.json', import.meta.url));

const text = /^https?:/.test(source) ? await (await fetch(source)).text() : await readFile(source, 'utf8');
const division = JSON.parse(text)['england-and-wales'];
if (!division || division.division !== 'england-and-wales' || !Array.isArray(division.events) || division.events.length === 0) {
  throw new Error(`${source} has no england-and-wales division with events: is it GOV.UK's bank-holidays.json?`);
}
for (const event of division.events) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(event.date) || typeof event.title !== 'string') throw new Error(`not a bank holiday: ${JSON.stringify(event)}`);
}
await writeFile(target, `${JSON.stringify({ 'england-and-wales': division }, null, 2)}\n`);
const dates = division.events.map((event) => event.date).sort();
console.log(`${target}: ${dates.length} England and Wales bank holidays, ${dates[0]} to ${dates.at(-1)}`);
