import type { ComponentChildren } from 'preact';

/**
 * A table that may be wider than a phone, in the scrolling region the results page uses (`.md-table`): reachable
 * and scrollable by keyboard (WCAG 2.1.1), with its column headings.
 */
export function ScrollTable(props: {
  label: string;
  caption?: string;
  columns: readonly string[];
  children: ComponentChildren;
}) {
  return (
    <div class="md-table" role="region" tabIndex={0} aria-label={props.label}>
      <table>
        {props.caption && <caption>{props.caption}</caption>}
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
