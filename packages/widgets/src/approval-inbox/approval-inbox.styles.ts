import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }

  .layout {
    display: grid;
    grid-template-columns: minmax(15rem, 2fr) 3fr;
    gap: var(--_space);
    align-items: start;
  }
  @container (max-width: 40rem) {
    .layout {
      grid-template-columns: 1fr;
    }
  }

  .detail {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .on-behalf {
    display: grid;
    gap: 0.25rem;
    padding: var(--_space);
    border-radius: var(--_radius);
    border-inline-start: 4px solid var(--_warning);
    background: var(--_warning-surface);
  }

  .stages {
    display: grid;
    gap: 0.5rem;
  }
  .decisions {
    margin: 0;
    padding-inline-start: 1.25rem;
    display: grid;
    gap: 0.25rem;
  }
  .block {
    display: block;
  }

  .decision {
    display: grid;
    gap: var(--_space);
  }
`;
