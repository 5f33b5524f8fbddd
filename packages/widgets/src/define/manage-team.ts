import { defineOnce, ensureContextRoot } from '../define.ts';
import { ManageTeam } from '../manage-team/manage-team.ts';

ensureContextRoot();
defineOnce('manage-team', ManageTeam);

declare global {
  interface HTMLElementTagNameMap {
    'manage-team': ManageTeam;
  }
}
