import { css } from 'lit';

export const styles = css`
  .form {
    max-inline-size: 48rem;
  }

  .block {
    display: block;
  }

  .period {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_space);
    margin-block-start: 0.5rem;
  }

  .switch {
    font-weight: 600;
  }

  table.resources {
    border-collapse: collapse;
    inline-size: 100%;
  }
  table.resources caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25rem;
  }
  table.resources th,
  table.resources td {
    text-align: start;
    padding-block: 0.25rem;
    padding-inline: 0 0.75rem;
    border-block-end: 1px solid var(--_border);
    overflow-wrap: break-word;
  }

  .request .actions {
    margin-block-start: 0.25rem;
  }
  .disclosure {
    justify-self: start;
    padding-inline: 0;
    text-align: start;
  }
  .facts {
    margin-block-start: 0.5rem;
  }
`;
