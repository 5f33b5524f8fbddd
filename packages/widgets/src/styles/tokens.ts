import { css, unsafeCSS } from 'lit';

// Dark defaults, applied for theme="dark" and, unless theme="light", when the system prefers dark.
// A host's --ek-* values win in both modes; the private --_ names are what the components read.
const dark = unsafeCSS(`
  color-scheme: dark;
  --_surface: var(--ek-color-surface, #1f1f1f);
  --_surface-raised: var(--ek-color-surface-raised, #2b2b2b);
  --_text: var(--ek-color-text, #f3f3f3);
  --_text-muted: var(--ek-color-text-muted, #c2c2c2);
  --_border: var(--ek-color-border, #707070);
  --_accent: var(--ek-color-accent, #6cb8f6);
  --_on-accent: var(--ek-color-on-accent, #0a0a0a);
  --_danger: var(--ek-color-danger, #ff99a4);
  --_success: var(--ek-color-success, #7fd07c);
  --_warning: var(--ek-color-warning, #f5c451);
  --_warning-surface: var(--ek-color-warning-surface, #3d3218);
  --_focus: var(--ek-color-focus, #ffffff);
`);

export const tokens = css`
  :host {
    color-scheme: light;
    --_surface: var(--ek-color-surface, #ffffff);
    --_surface-raised: var(--ek-color-surface-raised, #f5f5f5);
    --_text: var(--ek-color-text, #1f1f1f);
    --_text-muted: var(--ek-color-text-muted, #595959);
    --_border: var(--ek-color-border, #8a8a8a);
    --_accent: var(--ek-color-accent, #0f6cbd);
    --_on-accent: var(--ek-color-on-accent, #ffffff);
    --_danger: var(--ek-color-danger, #b10e1c);
    --_success: var(--ek-color-success, #0e700e);
    --_warning: var(--ek-color-warning, #7a4d00);
    --_warning-surface: var(--ek-color-warning-surface, #fff4ce);
    --_focus: var(--ek-color-focus, #000000);
    --_font: var(--ek-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--ek-font-size, 0.9375rem);
    --_radius: var(--ek-radius, 0.375rem);
    --_space: var(--ek-spacing, 0.75rem);
    --_list-height: var(--ek-list-height, 26rem);
  }

  :host([theme='dark']) {
    ${dark}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
`;
