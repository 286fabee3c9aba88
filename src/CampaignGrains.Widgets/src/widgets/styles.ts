// Shared look of every widget. Hosts theme through the --cg-* custom properties (they inherit
// into shadow roots) and restyle named parts with ::part(...).
import { css } from "lit";

export const widgetStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--cg-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
    font-size: var(--cg-font-size, 14px);
    color: var(--cg-fg, #1f2933);
    background: var(--cg-bg, #fff);
    border: 1px solid var(--cg-border, #dde2e8);
    border-radius: var(--cg-radius, 8px);
    padding: var(--cg-padding, 12px 16px);
    min-width: 0;
    position: relative;
  }
  :host([hidden]) { display: none; }
  header { display: flex; align-items: center; gap: 8px; margin-bottom: 8px; }
  h3 { flex: 1; margin: 0; font-size: 1em; font-weight: 600; }
  button {
    font: inherit; font-size: 0.85em; color: inherit; background: transparent; cursor: pointer;
    border: 1px solid var(--cg-border, #dde2e8); border-radius: 4px; padding: 2px 8px;
  }
  button:hover { border-color: var(--cg-accent, #2f6fec); }
  .status { padding: 12px 0; color: var(--cg-muted, #6b7785); }
  .status[data-kind] { color: var(--cg-error, #b42318); }
  .banner { font-size: 0.85em; margin-bottom: 6px; }
  .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(110px, 1fr)); gap: 12px; }
  .tile { display: flex; flex-direction: column; gap: 2px; }
  .tile .label { color: var(--cg-muted, #6b7785); font-size: 0.85em; }
  .tile .value { font-size: 1.6em; font-weight: 600; font-variant-numeric: tabular-nums; }
  .tile .rate { font-size: 0.85em; color: var(--cg-muted, #6b7785); }
  .tile .rate span { color: var(--cg-accent, #2f6fec); font-weight: 600; }
  .table-wrap { max-height: var(--cg-table-max-height, 320px); overflow: auto; }
  table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
  th, td { padding: 4px 8px; border-bottom: 1px solid var(--cg-border, #dde2e8); text-align: right; white-space: nowrap; }
  th:first-child { text-align: left; font-weight: normal; }
  thead th { font-weight: 600; position: sticky; top: 0; background: var(--cg-bg, #fff); }
  .note { font-size: 0.8em; color: var(--cg-muted, #6b7785); margin-top: 6px; }
  /* The chart's numbers stay in the DOM for screen readers (and tests) while the canvas shows. */
  .sr-only {
    position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }
`;
