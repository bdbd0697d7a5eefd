// js-yaml ships no typings; electron-builder (a pinned devDependency) brings it. Only load() is used.
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
