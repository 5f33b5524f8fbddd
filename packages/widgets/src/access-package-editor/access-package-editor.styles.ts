import { css } from 'lit';

// The editor's own layout: the step list wraps (no horizontal scroll from 320 px), fields stack, pickers and
// localizations keep their buttons beside the control while there is room. Logical properties, so RTL mirrors.
export const styles = css`
  .steps {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .step {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding-inline: 0.625rem;
  }
  .step[aria-current='step'] {
    border-color: var(--_accent);
    border-width: 2px;
    font-weight: 600;
  }
  .step-number {
    font-variant-numeric: tabular-nums;
    color: var(--_text-muted);
  }
  .flag {
    color: var(--_danger);
    font-weight: 700;
  }
  .panel {
    max-inline-size: 48rem;
    min-inline-size: 0;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }
  .stage,
  .question,
  .choices {
    min-inline-size: 0;
  }
  .picker-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .picker-row > select,
  .picker-row > input {
    flex: 1 1 12rem;
    min-inline-size: 0;
  }
  .chosen {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .chosen li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: baseline;
  }
  .pick {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: var(--_space);
    align-items: end;
  }
  .localizations,
  .choice-edit {
    display: grid;
    gap: 0.5rem;
    padding-inline-start: var(--_space);
    border-inline-start: 2px solid var(--_border);
  }
  .localization {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: 0.5rem;
    align-items: end;
  }
  .nav-actions {
    justify-content: space-between;
  }
  .problems ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .problems a {
    color: inherit;
  }
  dl.facts {
    grid-template-columns: minmax(0, 40%) minmax(0, 1fr);
  }
  dl.facts dt {
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  section h4 {
    margin-block-end: 0.25rem;
  }
  ol,
  ul {
    overflow-wrap: anywhere;
  }
`;
