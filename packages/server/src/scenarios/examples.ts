/**
 * The scenarios shipped in examples/scenarios, by name. The request names one of these keys; the
 * file path comes from this fixed map, never from the request.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const EXAMPLES_DIR = new URL('../../../../examples/scenarios/', import.meta.url);

export const EXAMPLE_FILES = {
  'iss-baseline': 'iss-baseline.yaml',
  'iss-no-russian-reboost-2022': 'iss-no-russian-reboost-2022.yaml',
  'iss-us-reboost-only': 'iss-us-reboost-only.yaml',
  'iss-no-russian-attitude-2022': 'iss-no-russian-attitude-2022.yaml',
} as const;

export type ExampleName = keyof typeof EXAMPLE_FILES;
export const EXAMPLE_NAMES = Object.keys(EXAMPLE_FILES) as ExampleName[];

export interface ExampleScenario {
  name: ExampleName;
  title: string;
  description: string;
  /** The file's content as parsed YAML (the scenario file form). */
  definition: Record<string, unknown>;
}

const cache = new Map<ExampleName, ExampleScenario>();

export function isExampleName(name: string): name is ExampleName {
  return Object.prototype.hasOwnProperty.call(EXAMPLE_FILES, name);
}

/** One shipped example (read once, then cached; callers get a deep copy of the definition). */
export function loadExample(name: ExampleName): ExampleScenario {
  let e = cache.get(name);
  if (!e) {
    const path = fileURLToPath(new URL(EXAMPLE_FILES[name], EXAMPLES_DIR));
    const definition = parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>;
    e = {
      name,
      title: String(definition.name ?? name),
      description: String(definition.description ?? '').trim(),
      definition,
    };
    cache.set(name, e);
  }
  return { ...e, definition: structuredClone(e.definition) };
}

export function listExamples(): ExampleScenario[] {
  return EXAMPLE_NAMES.map(loadExample);
}
