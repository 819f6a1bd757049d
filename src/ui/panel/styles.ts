/**
 * The panel's stylesheet, inside its shadow root: page CSS cannot reach in and ours cannot leak out
 * (shadow DOM encapsulation: https://developer.mozilla.org/en-US/docs/Web/API/Web_components/Using_shadow_DOM).
 * `:host` resets inherited properties the page might set.
 */
import {NOT_COMPUTED_CSS} from './not-computed.js';

export const PANEL_CSS = `
:host { all: initial; }
.panel { --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --chip: #f6f8fa;
	--danger: #cf222e; --warn: #9a6700; --info: #0969da; --ok: #1a7f37;
	box-sizing: border-box; width: var(--panel-width, 300px); margin-top: 6px; background: var(--bg); color: var(--fg);
	border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18);
	font: 12px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow: hidden; }
.panel.dark { --bg: #1e2329; --fg: #eaecef; --muted: #9aa4b2; --line: #3a424d; --chip: #2b3139;
	--danger: #ff6b6b; --warn: #f0b90b; --info: #58a6ff; --ok: #2ebd85; }
.panel * { box-sizing: border-box; }
.head { display: flex; align-items: center; gap: 6px; padding: 6px 8px; border-bottom: 1px solid var(--line); }
.head.draggable { cursor: move; user-select: none; touch-action: none; }
.head h2 { font-size: 12px; margin: 0; font-weight: 700; letter-spacing: .02em; }
.logo { width: 10px; height: 12px; background: #f5b528; clip-path: polygon(0 0,100% 0,100% 60%,50% 100%,0 60%); }
.source { margin: 4px 0; font-size: 11px; color: var(--muted); }
.pill { margin-left: auto; padding: 0 6px; border-radius: 9px; font-size: 11px; background: var(--chip); color: var(--muted); }
.pill.danger { background: var(--danger); color: #fff; } .pill.warn { background: var(--warn); color: #111; } .pill.ok { background: var(--ok); color: #fff; }
button { font: inherit; color: inherit; }
.icon { border: 0; background: none; cursor: pointer; padding: 0 4px; font-size: 13px; color: var(--muted); border-radius: 4px; }
button:focus-visible { outline: 2px solid var(--info); outline-offset: 1px; }
.body { padding: 8px; display: flex; flex-direction: column; gap: 8px; }
.status { margin: 0; color: var(--muted); }
.status.error { color: var(--danger); }
.read { display: grid; grid-template-columns: auto 1fr; gap: 1px 10px; margin: 0; }
.read dt { color: var(--muted); }
.read dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.read dd.unread { color: var(--warn); font-style: italic; }
.assumptions { color: var(--muted); }
.assumptions[data-guessing="true"] summary { color: var(--warn); }
.assumptions ul { margin: 2px 0 0; padding-left: 16px; }
.figures { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
.figures th, .figures td { padding: 2px 0; vertical-align: top; }
.figures th { text-align: left; font-weight: 400; color: var(--muted); }
.figures thead th { text-align: right; color: var(--fg); font-weight: 600; }
.figures td { text-align: right; padding-left: 8px; }
.figures .liq { font-weight: 700; font-size: 13px; }
.figures .sub { display: block; color: var(--muted); font-size: 11px; font-weight: 400; }
.warnings { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.warnings li { border-left: 3px solid var(--info); padding: 2px 6px; background: var(--chip); border-radius: 0 4px 4px 0; }
.warnings li[data-severity="danger"] { border-color: var(--danger); }
.warnings li[data-severity="warn"] { border-color: var(--warn); }
.warnings .sev { font-weight: 700; margin-right: 4px; }
.warnings li[data-severity="danger"] .sev { color: var(--danger); }
.warnings li[data-severity="warn"] .sev { color: var(--warn); }
.warnings .side { font-weight: 600; }
.quiet { color: var(--muted); margin: 0; }
.gate { border: 1px solid var(--danger); border-radius: 6px; padding: 6px 8px; display: flex; flex-direction: column; gap: 6px; }
.gate.armed { border-color: var(--ok); }
.gate p { margin: 0; }
.reminder { border: 1px solid var(--warn, #d97706); border-radius: 6px; padding: 6px 8px; display: flex; flex-direction: column; gap: 4px; }
.reminder p { margin: 0; }
.reminder .title { font-weight: 600; }
.reminder button { align-self: flex-start; border: 1px solid currentColor; border-radius: 4px; padding: 2px 8px; background: transparent; color: inherit; cursor: pointer; }
.gate button { align-self: flex-start; border: 0; border-radius: 4px; padding: 4px 10px; background: var(--danger); color: #fff; cursor: pointer; font-weight: 600; }
.pill.doubtful { background: var(--warn); color: #111; }
.misread { border: 1px solid var(--warn); border-radius: 6px; padding: 6px 8px; }
.misread p, .report p { margin: 0; } .misread .title, .report .title { font-weight: 600; }
.misread ul, .report ul { margin: 2px 0; padding-left: 16px; }
.doubtful .figures td { color: var(--muted); text-decoration: underline dotted var(--warn); }
.doubtful .figures .liq::after { content: " ?"; color: var(--warn); }
button.link { align-self: flex-start; border: 0; background: none; padding: 0; color: var(--info); cursor: pointer; text-decoration: underline; }
.report { border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; display: flex; flex-direction: column; gap: 4px; }
.report .actions { display: flex; gap: 8px; align-items: center; }
.report .actions button:not(.link) { border: 1px solid currentColor; border-radius: 4px; padding: 2px 8px; background: transparent; cursor: pointer; }
.snapshot-text { max-height: 160px; overflow: auto; white-space: pre-wrap; word-break: break-all; font-size: 10px; background: var(--chip); padding: 4px; margin: 2px 0 0; }
h3 { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0 0 2px; font-weight: 600; }
` + NOT_COMPUTED_CSS;
