// Hosts may load the bundle twice (two script tags, two embedded apps); defining an element
// twice throws, so the first definition wins and later loads are harmless.
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
