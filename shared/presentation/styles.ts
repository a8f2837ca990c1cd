/**
 * The form's and pages' styles. Scoped under `.md-root` (and isolated by the shadow root when embedded);
 * a host page themes it through the custom properties. Colours meet WCAG AA contrast on white.
 */
export const styles = `
body{margin:0}
.md-root{--_primary:var(--md-color-primary,#1d4f91);--_text:var(--md-color-text,#1a1a1a);--_muted:var(--md-color-muted,#4a4a4a);
--_bg:var(--md-color-background,#fff);--_error:var(--md-color-error,#b00020);--_radius:var(--md-radius,6px);
font-family:var(--md-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);font-size:1rem;line-height:1.5;color:var(--_text);
background:var(--_bg);max-width:46rem;margin:0 auto;padding:1rem;box-sizing:border-box;overflow-wrap:anywhere}
.md-root *,.md-root *::before,.md-root *::after{box-sizing:inherit}
.md-root h1,.md-root h2,.md-root h3{line-height:1.25;margin:1.5rem 0 .5rem}
.md-root a{color:var(--_primary)}
.md-root :focus-visible{outline:3px solid var(--_primary);outline-offset:2px}
.md-conditions{border:1px solid #c8c8c8;border-radius:var(--_radius);padding:0 1rem 1rem;margin:1rem 0}
.md-conditions dt{font-weight:700;margin-top:.75rem}
.md-conditions dd{margin:0}
.md-note{color:var(--_muted)}
.md-question{border:1px solid #c8c8c8;border-radius:var(--_radius);padding:.75rem 1rem 1rem;margin:1rem 0;min-width:0}
.md-question legend,.md-label{font-weight:700;padding:0 .25rem}
.md-tag{font-weight:400;color:var(--_muted)}
.md-help{color:var(--_muted);margin:.25rem 0}
.md-choice{display:flex;align-items:flex-start;gap:.5rem;margin:.4rem 0}
.md-choice input{width:1.25rem;height:1.25rem;margin:.15rem 0 0;flex:none}
.md-root input[type=email],.md-root input[type=text],.md-root input[type=date],.md-root input[type=url],.md-root input[type=search],.md-root select,.md-root textarea{display:block;width:100%;max-width:100%;font:inherit;padding:.5rem;
border:2px solid #6b6b6b;border-radius:var(--_radius);color:var(--_text);background:#fff}
.md-root textarea{min-height:8rem}
.md-root [aria-invalid=true]{border-color:var(--_error)}
/* A flex item loses its list marker, so the places are drawn by a counter. */
.md-ranking{list-style:decimal;padding-left:0;counter-reset:md-rank}
.md-ranking li{display:flex;align-items:center;gap:.5rem;padding:.4rem 0;border-bottom:1px solid #e0e0e0;counter-increment:md-rank}
.md-ranking li::before{content:counter(md-rank) ".";min-width:1.5rem;font-weight:700}
/* The label takes what the two buttons leave, so on a 320 px phone they stay on its line. */
.md-ranking li span{flex:1 1 0;min-width:0}
.md-move{flex:none}
.md-root button{font:inherit;border-radius:var(--_radius);cursor:pointer}
.md-move{padding:.3rem .6rem;border:2px solid var(--_primary);background:#fff;color:var(--_primary)}
.md-move[aria-disabled=true]{border-style:dashed;cursor:default}
.md-submit{padding:.75rem 1.5rem;border:0;background:var(--_primary);color:#fff;font-weight:700}
.md-submit[disabled]{opacity:.7}
.md-secondary{padding:.7rem 1.4rem;border:2px solid var(--_primary);background:#fff;color:var(--_primary);font-weight:700;margin:.25rem}
.md-error{color:var(--_error);font-weight:700;margin:.25rem 0}
.md-summary{border:3px solid var(--_error);border-radius:var(--_radius);padding:0 1rem;margin:1rem 0}
.md-receipt{border:3px solid #2e7d32;border-radius:var(--_radius);padding:0 1rem 1rem;margin:1rem 0}
.md-hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.md-lang{text-align:right;margin:0}
.md-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
[hidden]{display:none!important}
/* Results page. A wide table scrolls inside its region; a shadow at an edge shows there is more that way: the covers
   (background-attachment local) move with the table and hide a shadow once that end is reached or when it fits. */
.md-table{overflow-x:auto;margin:.5rem 0;container-type:inline-size;background:
linear-gradient(to right,var(--_bg) 40%,transparent) left/2rem 100% no-repeat local,
linear-gradient(to left,var(--_bg) 40%,transparent) right/2rem 100% no-repeat local,
radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.35),transparent) left/.9rem 100% no-repeat scroll,
radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.35),transparent) right/.9rem 100% no-repeat scroll var(--_bg)}
.md-root table{border-collapse:collapse;width:100%;margin:.5rem 0;overflow-wrap:normal}
.md-root caption{text-align:left;font-weight:700;padding:.25rem 0}
/* The caption stays in view and wraps to the region's width (a container) while the table under it scrolls. */
.md-caption{display:inline-block;position:sticky;left:0;max-width:100cqi}
.md-root th,.md-root td{border:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}
.md-bars{list-style:none;padding:0;margin:.5rem 0 1rem;max-width:30rem}
.md-bars li{display:flex;flex-wrap:wrap;column-gap:1rem;margin:.6rem 0}
.md-bar-label{flex:1 1 0;min-width:0}
.md-bar-value{flex:none;white-space:nowrap;font-variant-numeric:tabular-nums}
.md-bar{display:block;flex:0 0 100%;height:.75rem;margin-top:.2rem}
.md-bar-track{fill:#e6e6e6}
.md-bar-fill{fill:var(--_primary)}
@media (forced-colors:active){.md-bar{forced-color-adjust:none}.md-bar-track{fill:Canvas;stroke:CanvasText}.md-bar-fill{fill:CanvasText}}
.md-decision{border:3px solid var(--_primary);border-radius:var(--_radius);padding:0 1rem 1rem;margin:1rem 0}
`;

/** Where the API serves the stylesheet and the icon; pages link them, so a strict CSP needs no 'unsafe-inline'. */
export const STYLESHEET_PATH = '/styles.css';
export const FAVICON_PATH = '/favicon.ico';

/** The product's icon: a speech bubble in the primary colour (SVG, which browsers take as a favicon). */
export const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path fill="#1d4f91" d="M4 4h24a2 2 0 0 1 2 2v15a2 2 0 0 1-2 2H13l-7 6v-6H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>`;
