import { css } from 'lit';
import { tokens } from './tokens.ts';

// Everything lives in shadow roots: nothing here reaches the host page, and the page reaches in only through
// --ek-* properties and ::part(). Layout uses logical properties so dir="rtl" mirrors it.
export const shared = [
  tokens,
  css`
    :host {
      display: block;
      font-family: var(--_font);
      font-size: var(--_font-size);
      line-height: 1.45;
      color: var(--_text);
    }

    :host([hidden]),
    [hidden] {
      display: none !important;
    }

    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }

    .base {
      background: var(--_surface);
      color: var(--_text);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space);
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_space);
    }

    h2,
    h3,
    h4 {
      margin: 0;
      line-height: 1.25;
    }
    h2 {
      font-size: 1.25em;
    }
    h3 {
      font-size: 1.1em;
    }
    h4 {
      font-size: 1em;
    }
    p {
      margin: 0;
    }

    :focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    [tabindex='-1']:focus {
      outline: none;
    }

    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }

    .muted {
      color: var(--_text-muted);
    }

    button {
      font: inherit;
      cursor: pointer;
      min-block-size: 2.25rem;
      min-inline-size: 2.25rem;
      padding-block: 0.25rem;
      padding-inline: 0.875rem;
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_text);
    }
    button:hover:not(:disabled) {
      background: var(--_surface-raised);
    }
    button:disabled {
      cursor: not-allowed;
      opacity: 0.6;
    }
    button.primary {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
    }
    button.primary:hover:not(:disabled) {
      background: var(--_accent);
      filter: brightness(1.1);
    }
    button.danger {
      color: var(--_danger);
      border-color: var(--_danger);
    }
    button.link {
      border-color: transparent;
      background: transparent;
      color: var(--_accent);
      text-decoration: underline;
      padding-inline: 0.25rem;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }

    label,
    legend {
      font-weight: 600;
    }
    .field {
      display: grid;
      gap: 0.25rem;
    }
    input[type='text'],
    input[type='search'],
    input[type='date'],
    select,
    textarea {
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding-block: 0.375rem;
      padding-inline: 0.5rem;
      min-block-size: 2.25rem;
      inline-size: 100%;
    }
    .hint {
      color: var(--_text-muted);
      font-size: 0.9em;
      font-weight: normal;
    }

    .state {
      padding: var(--_space);
      border-radius: var(--_radius);
      background: var(--_surface-raised);
      display: grid;
      gap: 0.5rem;
      justify-items: start;
    }
    .state.error {
      border-inline-start: 4px solid var(--_danger);
    }
    .state.info {
      border-inline-start: 4px solid var(--_accent);
    }
    .loading::before {
      content: '';
      display: inline-block;
      inline-size: 1em;
      block-size: 1em;
      margin-inline-end: 0.5em;
      vertical-align: -0.15em;
      border: 2px solid var(--_border);
      border-block-start-color: var(--_accent);
      border-radius: 50%;
      animation: ek-spin 0.8s linear infinite;
    }
    @media (prefers-reduced-motion: reduce) {
      .loading::before {
        animation-duration: 3s;
      }
    }
    @keyframes ek-spin {
      to {
        transform: rotate(1turn);
      }
    }
    .error-detail {
      font-size: 0.85em;
      color: var(--_text-muted);
      overflow-wrap: anywhere;
    }

    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-block-end: 1px solid var(--_border);
    }
    .tab {
      border: none;
      border-block-end: 3px solid transparent;
      border-radius: 0;
      background: transparent;
      padding-inline: 0.75rem;
    }
    .tab[aria-selected='true'] {
      border-block-end-color: var(--_accent);
      font-weight: 600;
    }

    .list {
      display: grid;
      gap: 0.375rem;
    }
    .scroller {
      block-size: var(--_list-height);
      overflow: auto;
    }
    .scroller::before,
    .scroller::after {
      content: '';
      display: block;
      block-size: var(--_before);
    }
    .scroller::after {
      block-size: var(--_after);
    }
    .scroller > [role='listitem'] {
      inline-size: 100%;
      padding-block-end: 0.375rem;
    }
    .row {
      display: grid;
      gap: 0.125rem;
      inline-size: 100%;
      text-align: start;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .row[aria-current='true'],
    .row.expanded {
      border-color: var(--_accent);
      border-inline-start-width: 4px;
    }
    .row-title {
      font-weight: 600;
    }
    .row-meta {
      color: var(--_text-muted);
      font-size: 0.9em;
    }

    .badge {
      display: inline-block;
      padding-inline: 0.5rem;
      border-radius: 999px;
      border: 1px solid currentColor;
      font-size: 0.85em;
      font-weight: 600;
    }
    .badge.good {
      color: var(--_success);
    }
    .badge.bad {
      color: var(--_danger);
    }
    .badge.wait {
      color: var(--_warning);
    }

    .panel {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_space);
      align-content: start;
    }

    dialog {
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 1.5);
      inline-size: min(40rem, 100vw - 2rem);
      max-block-size: calc(100vh - 2rem);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    dialog .panel {
      gap: var(--_space);
    }
  `,
];
