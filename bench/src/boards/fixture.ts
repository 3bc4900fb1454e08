import { readFileSync } from 'node:fs';

/**
 * The Val de Loue demo workshop (scripts/fixtures/val-de-loue.json): real-sounding note texts
 * and action sheets, so generated boards have the text lengths and field mix of a real one.
 */
export interface Fixture {
  themes: { id: string }[];
  participants: { name: string }[];
  notes: { text: string; theme: string; author: number }[];
  issues: { title: string; description: string; notes: number[] }[];
  axes: { title: string; description: string; issues: number[] }[];
  actions: FixtureAction[];
}

export interface FixtureAction {
  title: string;
  axis: number;
  objectives: string;
  description: string;
  lead: string;
  public: string;
  budget: number;
  financing: { source: string; label: string; amount: number; secured: boolean }[];
  structure: string;
  milestones: { date: string; label: string }[];
  risks: string;
  priority: string;
  status: string;
  partners: { name: string; kind: string; role: string }[];
  indicators: {
    name: string;
    unit: string;
    baseline: number;
    target: number;
    source: string;
    frequency: string;
  }[];
}

let cached: Fixture | undefined;

export function loadFixture(): Fixture {
  cached ??= JSON.parse(
    readFileSync(new URL('../../../scripts/fixtures/val-de-loue.json', import.meta.url), 'utf8'),
  ) as Fixture;
  return cached;
}
