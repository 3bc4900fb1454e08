import { DEFAULT_SERVERS, isServerName, SERVER_NAMES, type ServerName } from '../servers/definitions';

export interface RunArgs {
  scenarios: string[];
  servers: ServerName[];
  reps: number;
  durationS: number | undefined;
  quick: boolean;
  /** Pin the harness (load generator) to core 1 and servers to core 0 (default when possible). */
  pin: boolean;
}

export const USAGE = `npm run bench -- <scenario…> [--servers atelier,ywss,hocuspocus,relay,baseline,hocuspocus-redis] [--reps 3] [--duration <s>] [--quick] [--no-pin]`;

export function parseArgs(argv: readonly string[]): RunArgs {
  const args: RunArgs = {
    scenarios: [],
    servers: [...DEFAULT_SERVERS],
    reps: 3,
    durationS: undefined,
    quick: false,
    pin: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--servers') {
      const names = value().split(',').filter(Boolean);
      const unknown = names.filter((n) => !isServerName(n));
      if (unknown.length > 0)
        throw new Error(`Unknown server(s): ${unknown.join(', ')} (known: ${SERVER_NAMES.join(', ')})`);
      args.servers = names as ServerName[];
    } else if (arg === '--reps') {
      args.reps = positiveInt(arg, value());
    } else if (arg === '--duration') {
      args.durationS = Number(value());
      if (!(args.durationS > 0)) throw new Error('--duration takes seconds > 0');
    } else if (arg === '--quick') {
      args.quick = true;
    } else if (arg === '--no-pin') {
      args.pin = false;
    } else if (arg.startsWith('--')) {
      throw new Error(`Unknown option ${arg}\n${USAGE}`);
    } else {
      args.scenarios.push(arg);
    }
  }
  return args;
}

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes an integer ≥ 1`);
  return n;
}
