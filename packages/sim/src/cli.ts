// Command line: `npm run -s sim -- <plume|source|zones|assessment> < input.json` prints exactly one JSON document on stdout;
// on error, one JSON document {error:{code,message,path}} on stderr and exit code 1 (2 for a usage error).
import { runAssessment } from './assessment/run-assessment.ts';
import { SimError } from './errors.ts';
import { runPlume } from './run-plume.ts';
import { runSource } from './run-source.ts';
import { runZones } from './run-zones.ts';

/** The assessment as JSON: each frame's Float32Array becomes a plain array of numbers. */
function assessmentJson(input: unknown): unknown {
  const r = runAssessment(input);
  return { ...r, grid: { ...r.grid, frames: r.grid.frames.map((f) => ({ ...f, valuesPpm: Array.from(f.valuesPpm) })) } };
}

const COMMANDS: Record<string, (input: unknown) => unknown> = { plume: runPlume, source: runSource, zones: runZones, assessment: assessmentJson };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function fail(code: string, message: string, path?: string, exitCode = 1): void {
  process.stderr.write(`${JSON.stringify({ error: { code, message, ...(path === undefined ? {} : { path }) } })}\n`);
  process.exitCode = exitCode;
}

async function main(): Promise<void> {
  const command = process.argv[2];
  const run = command === undefined ? undefined : COMMANDS[command];
  if (!run) {
    fail('sim:unknown-command', `usage: sim <${Object.keys(COMMANDS).join('|')}> < input.json (got ${command === undefined ? 'no command' : JSON.stringify(command)})`, undefined, 2);
    return;
  }
  let input: unknown;
  try {
    input = JSON.parse(await readStdin());
  } catch (err) {
    fail('sim:bad-json', `stdin is not valid JSON: ${(err as Error).message}`);
    return;
  }
  try {
    process.stdout.write(`${JSON.stringify(run(input))}\n`);
  } catch (err) {
    if (err instanceof SimError) fail(err.code, err.message, err.path);
    else fail('sim:internal', err instanceof Error ? err.message : String(err));
  }
}

void main();
