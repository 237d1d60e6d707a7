/**
 * The part of js-yaml the deployment tests use (tests/unit/deploy): js-yaml ships no types and is already
 * installed (the gateway runtime and eslint use it), so this declaration stands in for @types/js-yaml.
 */
declare module 'js-yaml' {
  /** Parses one YAML document (anchors, aliases and `<<` merge keys resolved). */
  export function load(text: string): unknown;
}
