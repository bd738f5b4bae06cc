/**
 * Where a card's notice goes. A refusal or a problem with what someone typed answers a button:
 * it is shown just above that button (on a long card the top is a screen away from it), and a
 * notice about the card as a whole (a stale click) stays at the top.
 */
type Json = Record<string, unknown>;

function holdsVerb(node: unknown, verb: string): boolean {
  if (Array.isArray(node)) return node.some((child) => holdsVerb(child, verb));
  if (!node || typeof node !== 'object') return false;
  const element = node as Json;
  if (element.verb === verb) return true;
  return Object.entries(element).some(([key, child]) => key !== 'refresh' && key !== 'fallback' && holdsVerb(child, verb));
}

/** In the innermost list of elements holding the button, just before the element that holds it. */
function insertNear(items: unknown[], verb: string, notice: object): unknown[] | undefined {
  const index = items.findIndex((item) => holdsVerb(item, verb));
  if (index < 0) return undefined;
  const holder = items[index] as Json;
  for (const key of ['items', 'columns'] as const) {
    const inner = holder[key];
    if (Array.isArray(inner)) {
      const placed = insertNear(inner, verb, notice);
      if (placed) return items.map((item, i) => (i === index ? { ...holder, [key]: placed } : item));
    }
  }
  return [...items.slice(0, index), notice, ...items.slice(index)];
}

/** The card's body with the notice placed: near the button of `verb` if the card shows it, else first. */
export function placeNotice(body: readonly unknown[], actions: unknown, notice: object | undefined, verb: string | undefined): unknown[] {
  if (!notice) return [...body];
  if (verb) {
    const inBody = insertNear([...body], verb, notice);
    if (inBody) return inBody;
    // The card's own buttons sit under its body: the last thing in the body is next to them.
    if (holdsVerb(actions, verb)) return [...body, notice];
  }
  return [notice, ...body];
}
