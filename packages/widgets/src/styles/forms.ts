import { css } from 'lit';

// Rules only views read on demand use (forms, fact lists, the submit confirmation): those modules add them to the
// widget's shadow root (EkElement.useStyles) when they render, so a page does not load them up front. None of these
// selectors appears in a widget's own styles, so their place in the cascade (after them) changes nothing.
export const formStyles = css`
    textarea {
      min-block-size: 5rem;
      resize: vertical;
    }
    input[aria-invalid='true'],
    textarea[aria-invalid='true'],
    select[aria-invalid='true'] {
      border-color: var(--_danger);
      border-width: 2px;
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0;
      padding: 0.5rem var(--_space) var(--_space);
      display: grid;
      gap: 0.375rem;
    }
    fieldset[aria-invalid='true'] {
      border-color: var(--_danger);
      border-width: 2px;
    }
    .choice {
      display: flex;
      gap: 0.5rem;
      align-items: flex-start;
      font-weight: normal;
    }
    .choice input {
      margin-block-start: 0.3rem;
      inline-size: 1rem;
      block-size: 1rem;
      accent-color: var(--_accent);
    }
    .required-mark {
      color: var(--_danger);
      margin-inline-start: 0.25rem;
    }
    .field-error {
      color: var(--_danger);
      font-size: 0.9em;
    }
    .state.success {
      border-inline-start: 4px solid var(--_success);
    }
    dl.facts {
      display: grid;
      /* Labels take at most 40% and wrap; a value keeps the rest and breaks only a word too long for it. */
      grid-template-columns: fit-content(40%) minmax(0, 1fr);
      gap: 0.25rem 0.75rem;
      margin: 0;
    }
    dl.facts dt {
      font-weight: 600;
    }
    dl.facts dd {
      margin: 0;
      overflow-wrap: break-word;
    }
`;
