/**
 * The widget's styles, scoped to its shadow root. Branding arrives as custom properties set on the host
 * (`--cw-primary`, `--cw-on-primary`); a host page may set them too, or style the exposed parts.
 */
export const WIDGET_CSS = `
:host {
  --cw-primary: #1f4e79;
  --cw-on-primary: #ffffff;
  --cw-surface: #ffffff;
  --cw-text: #1b1f24;
  --cw-muted: #4a5560;
  --cw-border: #c9d1d9;
  --cw-focus: #1a73e8;
  display: block;
  max-width: 28rem;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--cw-text);
}
.w { border: 1px solid var(--cw-border); border-radius: 10px; overflow: hidden; background: var(--cw-surface); }
header {
  display: flex; align-items: center; gap: .5rem; padding: .55rem .75rem;
  background: var(--cw-primary); color: var(--cw-on-primary);
}
header img { height: 24px; width: auto; max-width: 96px; object-fit: contain; }
header img[hidden] { display: none; }
.brand { font-weight: 600; flex: 1; margin: 0; font-size: 1rem; }
.state { font-size: .8rem; padding: .1rem .5rem; border-radius: 999px; background: rgba(0,0,0,.25); color: #fff; }
.state[data-state="live"] { background: #0b6b2f; }
.state[data-state="reconnecting"], .state[data-state="connecting"] { background: #7a4d00; }
.state[data-state="error"] { background: #a4161a; }
.body { padding: .6rem .75rem .75rem; }
.qual { margin: 0 0 .6rem; }
.qual p { margin: .15rem 0; }
.meter { display: flex; align-items: center; gap: .5rem; }
progress { flex: 1; height: .6rem; accent-color: var(--cw-primary); }
.next { color: var(--cw-text); }
.muted { color: var(--cw-muted); }
.msg { margin: 0 0 .6rem; padding: .5rem .6rem; border-radius: 6px; background: #fdecea; color: #7d1010; }
.msg[hidden] { display: none; }
ol { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
li { border: 1px solid var(--cw-border); border-radius: 8px; padding: .5rem .6rem; }
li[data-phase="streaming"] { border-style: dashed; }
.badge {
  display: inline-block; font-size: .72rem; font-weight: 600; letter-spacing: .02em; text-transform: uppercase;
  padding: .05rem .45rem; border-radius: 4px; background: #e8eef5; color: #1d3a5c;
}
.badge[data-category="OBJECTION_HANDLING"] { background: #fff1d6; color: #6b4100; }
.badge[data-category="COMPLIANCE_WARNING"] { background: #fde2e1; color: #8a1111; }
.badge[data-category="QUALIFYING_QUESTION"] { background: #e3f2e8; color: #14522d; }
.badge[data-category="RAPPORT"] { background: #f1e6fa; color: #55207a; }
.text { margin: .35rem 0; white-space: pre-wrap; }
.actions { display: flex; gap: .4rem; }
button {
  font: inherit; font-size: .85rem; padding: .3rem .8rem; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--cw-primary); background: var(--cw-surface); color: var(--cw-text);
}
button.accept { background: var(--cw-primary); color: var(--cw-on-primary); }
button[aria-pressed="true"] { box-shadow: inset 0 0 0 2px var(--cw-on-primary); font-weight: 700; }
button.dismiss[aria-pressed="true"] { background: #e9ecef; box-shadow: none; text-decoration: underline; }
button:disabled { cursor: default; opacity: .75; }
button:focus-visible { outline: 3px solid var(--cw-focus); outline-offset: 2px; }
.empty { color: var(--cw-muted); margin: 0; }
.sr {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
`;
