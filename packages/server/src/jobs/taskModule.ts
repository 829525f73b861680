/**
 * URL of a job's task module next to `base` (its import.meta.url): the .ts source when the server
 * runs from the sources (vitest, tsx), the compiled .js in dist/ otherwise.
 */
export function taskModuleUrl(name: string, base: string): string {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base).href;
}
