import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }

  .layout {
    display: grid;
    grid-template-columns: minmax(14rem, 2fr) 3fr;
    gap: var(--_space);
    align-items: start;
  }
  @container (max-width: 40rem) {
    .layout {
      grid-template-columns: 1fr;
    }
  }

  .master,
  .detail {
    display: grid;
    gap: 0.5rem;
    align-content: start;
  }
  .detail {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .report-head,
  .dialog-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
  }

  .assignment .actions {
    margin-block-start: 0.25rem;
  }

  dialog.wide {
    inline-size: min(60rem, 100vw - 2rem);
  }
`;
