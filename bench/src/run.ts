/**
 * `npm run bench -- <scenario…> [options]`: runs scenarios from bench/src/scenarios/<name>.ts
 * (each exports `name`, `description`, `run(ctx)`), `--reps` times each, prints every
 * repetition's table and the medians with Atelier/peer and Atelier/floor ratios, and writes
 * the raw results to bench/results/. Never part of `npm test`.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, USAGE } from './lib/args';
import { machineInfo } from './lib/machine';
import { canPin, pinProcess } from './lib/proc';
import { writeResults } from './lib/results';
import type { ResultRow, Scenario, ScenarioContext, ScenarioResult } from './lib/scenario';
import { median, ratio } from './lib/stats';
import { formatTable, numericColumns } from './lib/table';
import { SERVERS } from './servers/definitions';
import { killAllServers, SERVER_CORE } from './servers/launcher';

/** The load generator's core when servers take SERVER_CORE. */
const GENERATOR_CORE = 1;
const SCENARIO_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'scenarios');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const available = readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
  if (args.scenarios.length === 0) {
    process.stdout.write(`${USAGE}\nScenarios: ${available.join(', ')}\n`);
    return;
  }
  for (const name of args.scenarios) {
    if (!existsSync(path.join(SCENARIO_DIR, `${name}.ts`))) {
      throw new Error(`No scenario "${name}" (available: ${available.join(', ')})`);
    }
  }

  const machine = machineInfo();
  const pinned = args.pin && canPin(machine.cores) && pinProcess(process.pid, GENERATOR_CORE);
  const versions = Object.fromEntries(args.servers.map((name) => [name, SERVERS[name].version()]));
  const header = [
    `machine  ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`,
    `date     ${machine.date}   commit ${machine.commit}${machine.dirty ? ' (server/shared modified, uncommitted)' : ''}`,
    `pinning  ${pinned ? `servers on core ${SERVER_CORE}, load generator on core ${GENERATOR_CORE}` : 'none (taskset missing, one core, or --no-pin)'}`,
    ...Object.entries(versions).map(([name, version]) => `server   ${name.padEnd(10)} ${version}`),
  ];
  process.stdout.write(`${header.join('\n')}\n`);

  for (const name of args.scenarios) {
    const scenario = (await import(path.join(SCENARIO_DIR, `${name}.ts`))) as Scenario;
    process.stdout.write(`\n## ${scenario.name}: ${scenario.description}\n`);
    const results: ScenarioResult[] = [];
    for (let rep = 1; rep <= args.reps; rep++) {
      const ctx: ScenarioContext = {
        // Every other repetition in the reverse order: on a shared machine the server measured
        // first in a repetition was seen measuring worse (benchmarks.md, 2026-12-07 "A slow hour").
        servers: rep % 2 === 0 ? [...args.servers].reverse() : args.servers,
        rep,
        reps: args.reps,
        durationS: args.durationS,
        quick: args.quick,
        log: (message) => process.stderr.write(`[${scenario.name} ${rep}/${args.reps}] ${message}\n`),
      };
      const started = performance.now();
      const result = await scenario.run(ctx);
      results.push(result);
      const columns = scenario.columns ?? numericColumns(result.rows);
      process.stdout.write(
        `\n### repetition ${rep}/${args.reps} (${((performance.now() - started) / 1000).toFixed(0)} s)\n${formatTable(result.rows, columns)}\n`,
      );
      for (const note of result.notes ?? []) process.stdout.write(`  ${note}\n`);
    }
    const medians = medianRows(results.map((r) => r.rows));
    const ratios = ratioRows(medians, scenario.ratioMetrics ?? []);
    if (args.reps > 1 || ratios.length > 0) {
      const columns = scenario.columns ?? numericColumns(medians);
      process.stdout.write(`\n### medians of ${args.reps}\n${formatTable(medians, columns)}\n`);
      if (ratios.length > 0) {
        const ratioColumns = (scenario.ratioMetrics ?? []).map((key) => ({ key, label: key, digits: 2 }));
        process.stdout.write(
          `\nratios (medians; lower is better for Atelier)\n${formatTable(ratios, ratioColumns)}\n`,
        );
      }
    }
    const file = await writeResults(scenario.name, {
      scenario: scenario.name,
      description: scenario.description,
      machine,
      pinned,
      versions,
      args,
      repetitions: results,
      medians,
      ratios,
    });
    process.stdout.write(`\nraw results: ${path.relative(process.cwd(), file)}\n`);
  }
}

/** Per row key, the median of each numeric metric over the repetitions (other fields: first seen). */
function medianRows(reps: ResultRow[][]): ResultRow[] {
  const byKey = new Map<string, ResultRow[]>();
  for (const rows of reps) {
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  }
  return [...byKey.values()].map((rows) => {
    const out: ResultRow = { ...(rows[0] as ResultRow) };
    for (const [metric, value] of Object.entries(out)) {
      if (typeof value === 'number') {
        out[metric] = median(rows.map((r) => r[metric]).filter((v): v is number => typeof v === 'number'));
      }
    }
    return out;
  });
}

/**
 * For each Atelier row, Atelier/best peer (the lower of ywss and hocuspocus) and Atelier/relay,
 * matching rows by their key with the server name swapped.
 */
function ratioRows(medians: ResultRow[], metrics: string[]): ResultRow[] {
  if (metrics.length === 0) return [];
  const byKey = new Map(medians.map((row) => [row.key, row]));
  const out: ResultRow[] = [];
  for (const row of medians) {
    if (row.server !== 'atelier') continue;
    const peerRow = (server: string) => byKey.get(row.key.replace(/^atelier/, server));
    const peers = [peerRow('ywss'), peerRow('hocuspocus')].filter((r): r is ResultRow => r !== undefined);
    const relay = peerRow('relay');
    const bestPeer: ResultRow = { key: 'best peer', server: 'ywss' };
    const vsPeer: ResultRow = { key: `${row.key} / best peer`, server: 'atelier' };
    const vsFloor: ResultRow = { key: `${row.key} / relay`, server: 'atelier' };
    for (const metric of metrics) {
      const peerValues = peers.map((p) => p[metric]).filter((v): v is number => typeof v === 'number');
      bestPeer[metric] = peerValues.length > 0 ? Math.min(...peerValues) : null;
      vsPeer[metric] = ratio(row[metric], bestPeer[metric]);
      vsFloor[metric] = relay ? ratio(row[metric], relay[metric]) : null;
    }
    if (peers.length > 0) out.push(vsPeer);
    if (relay) out.push(vsFloor);
  }
  return out;
}

const onSignal = (signal: NodeJS.Signals) => {
  killAllServers();
  process.stderr.write(`\n${signal}: servers killed\n`);
  process.exit(130);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('exit', killAllServers);

main().then(
  () => {
    killAllServers();
    process.exit(0);
  },
  (error: unknown) => {
    killAllServers();
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
