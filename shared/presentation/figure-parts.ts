import { resultsCatalogues } from '../messages/results';
import { type Html, type Language, html } from './html';

/**
 * A table that may be wider than a phone: it scrolls in a region a keyboard user can reach (WCAG 2.1.1), and a
 * shadow at the edge where more of it lies shows that it does (the `.md-table` styles in styles.ts).
 */
export const scrollable = (label: string, table: Html): Html =>
  html`<div class="md-table" role="region" tabindex="0" aria-label="${label}">${table}</div>`;

export type Cell = Html | string;

/** A row of figures: its heading cell, then its values. */
export const row = (head: Cell, cells: readonly Cell[]): Html =>
  html`<tr><th scope="row">${head}</th>${cells.map((c) => html`<td>${c}</td>`)}</tr>`;

/** A table of figures in its scrolling region: the caption (kept in view as it scrolls), column headings, rows. */
export const figureTable = (label: string, caption: Cell, columns: readonly Cell[], rows: readonly Html[]): Html =>
  scrollable(
    label,
    html`<table><caption><span class="md-caption">${caption}</span></caption><thead><tr>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead><tbody>${rows}</tbody></table>`,
  );

/**
 * A bar per value with its label and its share and count written out, so the chart reads on its own. It says
 * exactly what the table below it says, so it is hidden from assistive technology (the table is the accessible
 * source; nothing is read twice). The bar's length is an SVG attribute, not an inline style: pages are served
 * under a Content-Security-Policy without 'unsafe-inline' styles.
 */
export function bars(
  values: ReadonlyArray<{ label: Html; percent: number; count: number }>,
  lang: Language,
  /** What each bar says beside it; by default its share and how many answered so. */
  valueText: (percent: number, count: number) => string = resultsCatalogues[lang].barValue,
): Html {
  return html`<ul class="md-bars" aria-hidden="true">
    ${values.map(
      (v) =>
        html`<li>
          <span class="md-bar-label">${v.label}</span>
          <span class="md-bar-value">${valueText(v.percent, v.count)}</span>
          <svg class="md-bar" width="100%" height="12" focusable="false">
            <rect class="md-bar-track" width="100%" height="12" rx="3" fill="#e6e6e6"></rect>
            <rect
              class="md-bar-fill"
              width="${Math.min(100, Math.max(0, v.percent))}%"
              height="12"
              rx="3"
              fill="#1d4f91"
            ></rect>
          </svg>
        </li>`,
    )}
  </ul>`;
}
