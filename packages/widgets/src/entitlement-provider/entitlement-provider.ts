import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { createClient } from '@entitlement-kit/sdk';
import { clientContext, localeContext, sessionContext } from '../context.ts';
import { SessionStore } from '../controllers/session-store.ts';
import type { EntitlementClient } from '../internal/sdk.ts';
import { VERSION } from '../version.ts';

/**
 * Gives the widgets inside it one SDK client, one shared session store (the caller and their direct reports,
 * read once) and a locale, through @lit/context. Renders its children unchanged.
 *
 * @slot - The widgets (at any depth, in any shadow root below).
 */
export class EntitlementProvider extends LitElement {
  static readonly kitVersion = VERSION;

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Graph's base URL, e.g. https://graph.microsoft.com/v1.0 or the mock's http://127.0.0.1:4010/v1.0. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** Returns a bearer token for each call (MSAL's acquireTokenSilent, the mock's minted token). */
  @property({ attribute: false }) getAccessToken?: () => string | Promise<string>;

  /** A ready client; when set, base-url and getAccessToken are not used. */
  @property({ attribute: false }) client?: EntitlementClient;

  /** Locale for every widget inside that has no `locale` of its own. */
  @property() locale?: string;

  // Through @lit/context's controllers rather than its decorators: the same protocol, and less code on every page.
  private readonly clientProvider = new ContextProvider(this, { context: clientContext });
  private readonly sessionProvider = new ContextProvider(this, { context: sessionContext });
  private readonly localeProvider = new ContextProvider(this, { context: localeContext });

  /** The client in use: the given one, or the one built from base-url and getAccessToken. */
  get activeClient(): EntitlementClient | undefined {
    return this.clientProvider.value;
  }

  override render() {
    return html`<slot></slot>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('baseUrl') || changed.has('getAccessToken')) {
      const client = this.client ?? this.buildClient();
      if (client !== this.activeClient) {
        this.clientProvider.setValue(client);
        this.sessionProvider.setValue(client ? SessionStore.for(client) : undefined);
      }
    }
    if (changed.has('locale')) this.localeProvider.setValue(this.locale || undefined);
  }

  private buildClient(): EntitlementClient | undefined {
    const getAccessToken = this.getAccessToken;
    if (!this.baseUrl || !getAccessToken) return undefined;
    return createClient({ baseUrl: this.baseUrl, getAccessToken });
  }
}
