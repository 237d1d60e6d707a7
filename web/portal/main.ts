/**
 * The portal's search: filters the server-rendered API reference by name or description as the visitor
 * types. A type stays visible when its own name/description matches (all its fields shown) or when one of
 * its fields or values matches (only those shown). The count of matching types is announced politely.
 */
import './portal.css';

function matches(el: Element, terms: string[]): boolean {
  const text = el.getAttribute('data-search') ?? '';
  return terms.every((t) => text.includes(t));
}

function filter(container: HTMLElement, query: string): number {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const type of container.querySelectorAll<HTMLElement>('.ref-type')) {
    const fields = [...type.querySelectorAll<HTMLElement>('.field')];
    const typeMatches = terms.length === 0 || matches(type, terms);
    let fieldHits = 0;
    for (const field of fields) {
      const hit = typeMatches || matches(field, terms);
      field.hidden = !hit;
      if (hit) fieldHits++;
    }
    const visible = typeMatches || fieldHits > 0;
    type.hidden = !visible;
    if (visible) shown++;
  }
  return shown;
}

function start(): void {
  const input = document.querySelector<HTMLInputElement>('#reference-search');
  const container = document.querySelector<HTMLElement>('#reference-types');
  const status = document.querySelector<HTMLElement>('#reference-search-status');
  if (!input || !container || !status) return;
  const total = container.querySelectorAll('.ref-type').length;
  const update = () => {
    const shown = filter(container, input.value);
    status.textContent = input.value.trim()
      ? `${shown} of ${total} types match “${input.value.trim()}”.`
      : '';
  };
  input.addEventListener('input', update);
  if (input.value) update();
}

start();
