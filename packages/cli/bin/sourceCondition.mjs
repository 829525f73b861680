// Module resolve hook for running the CLI from its TypeScript sources: adds the `source` export
// condition, so every @stationkeeper package resolves to src/ (as `node --conditions=source` does).
export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions.includes('source') ? context.conditions : [...context.conditions, 'source'];
  return nextResolve(specifier, { ...context, conditions });
}
