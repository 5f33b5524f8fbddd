import { css } from 'lit';

export const styles = css`
  .assignment .facts-line {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    overflow-wrap: anywhere;
  }
  .badge.soon {
    color: var(--ek-color-warning, #7a4d00);
    background: var(--ek-color-warning-surface, #fff4ce);
  }
  ul.reasons {
    margin: 0;
    padding-inline-start: 1.25rem;
    overflow-wrap: anywhere;
  }
  .assignment .actions {
    margin-block-start: 0.25rem;
  }
  .dialog-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
  }
  dialog.wide {
    inline-size: min(60rem, 100vw - 2rem);
  }
`;
