// Issue 16 on the demo page: the expiry reminder in the outbox links to <my-access>'s extend form. Alex Wilber's
// Marketing Campaigns ends 21 days after the seed's today; 8 days on, the 14-day reminder is in the outbox with an
// "Extend access" link, and following it opens the form for that assignment.
import { describe, it } from 'vitest';
import { byRole, useDemo } from './harness.ts';
import { steps } from './steps.ts';

const demo = useDemo();
const { seeText, signInFromSelect, advanceDay } = steps(demo);

describe('the expiry reminder link', () => {
  it('Alex follows the 14-day reminder to the extend form of his Marketing Campaigns', async () => {
    await demo.walk('reminder', async () => {
      await demo.openDemo();
      await signInFromSelect('alex.wilber@contoso.com', 'Alex Wilber');
      for (let day = 0; day < 8; day++) await advanceDay();
      await seeText('Your access to Marketing Campaigns expires on');
      await (await byRole(demo.page, 'link', 'Extend access')).click();
      await byRole(demo.page, 'dialog', 'Extend your access to Marketing Campaigns');
      await seeText('An approver decides on the extension before the new end date applies.');
    });
  }, 180_000);
});
