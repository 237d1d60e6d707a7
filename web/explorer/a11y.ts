/**
 * Accessibility repairs of GraphiQL 4's markup that its props cannot reach, applied as it renders:
 * - CodeMirror's hidden input textareas get a name (axe "label"): the operation, variables and headers
 *   editors and the read-only response.
 * - The operation tabs: GraphiQL puts role="tab" on the <li> that holds the tab's button and close button
 *   (axe "nested-interactive"); the role and its aria-selected move to the tab's button, the <li> becomes
 *   presentation, as in the ARIA tabs pattern. A tablist may hold only tabs (axe "aria-required-children"),
 *   so each close button leaves the accessibility tree and the tab order, and the Delete key on a focused
 *   tab closes it instead (announced with aria-keyshortcuts); the mouse still uses the × button.
 * Idempotent; a MutationObserver re-applies them when GraphiQL re-renders.
 */
const EDITOR_LABELS: [string, string][] = [
  ['.graphiql-query-editor', 'Operation editor'],
  ['.graphiql-response', 'Response (read only)'],
  ['.graphiql-editor-tool .graphiql-editor:not(.hidden)', 'Variables or headers editor'],
];

function labelEditors(root: HTMLElement): void {
  for (const [container, label] of EDITOR_LABELS) {
    for (const area of root.querySelectorAll<HTMLTextAreaElement>(`${container} .CodeMirror textarea`)) {
      if (!area.hasAttribute('aria-label')) area.setAttribute('aria-label', label);
    }
  }
  // the variables and headers editors share a panel; each CodeMirror sits in its own .graphiql-editor
  const tools = root.querySelectorAll<HTMLElement>('.graphiql-editor-tool .graphiql-editor');
  tools.forEach((editor, i) => {
    const area = editor.querySelector('textarea');
    const label = i === 0 ? 'Variables editor' : 'Headers editor';
    if (area && area.getAttribute('aria-label') !== label) area.setAttribute('aria-label', label);
  });
}

function repairTabs(root: HTMLElement): void {
  for (const li of root.querySelectorAll<HTMLElement>('li.graphiql-tab')) {
    const button = li.querySelector<HTMLElement>('.graphiql-tab-button');
    if (!button) continue;
    const selected = li.classList.contains('graphiql-tab-active') ? 'true' : 'false';
    if (li.getAttribute('role') !== 'presentation') li.setAttribute('role', 'presentation');
    if (li.hasAttribute('aria-selected')) li.removeAttribute('aria-selected');
    if (button.getAttribute('role') !== 'tab') button.setAttribute('role', 'tab');
    if (button.getAttribute('aria-selected') !== selected) button.setAttribute('aria-selected', selected);
    const close = li.querySelector<HTMLElement>('.graphiql-tab-close');
    if (close && close.getAttribute('aria-hidden') !== 'true') {
      close.setAttribute('aria-hidden', 'true');
      close.setAttribute('tabindex', '-1');
    }
    const shortcut = close ? 'Delete' : null;
    if (shortcut && button.getAttribute('aria-keyshortcuts') !== shortcut)
      button.setAttribute('aria-keyshortcuts', shortcut);
    if (!shortcut && button.hasAttribute('aria-keyshortcuts')) button.removeAttribute('aria-keyshortcuts');
  }
}

/** Delete on a focused operation tab presses its (hidden) close button. */
function closeTabOnDelete(event: KeyboardEvent): void {
  const target = event.target instanceof HTMLElement ? event.target : null;
  if (event.key !== 'Delete' || !target?.classList.contains('graphiql-tab-button')) return;
  const close = target.closest('li.graphiql-tab')?.querySelector<HTMLElement>('.graphiql-tab-close');
  if (!close) return;
  event.preventDefault();
  close.click();
}

export function repairGraphiQL(root: HTMLElement): MutationObserver {
  const repair = () => {
    labelEditors(root);
    repairTabs(root);
  };
  repair();
  root.addEventListener('keydown', closeTabOnDelete);
  const observer = new MutationObserver(repair);
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['class', 'role', 'aria-selected', 'aria-hidden', 'tabindex'],
  });
  return observer;
}
