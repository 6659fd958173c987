// Payouts: incentive pay previews with traces, and finance's payout runs (being built).
import type { PageProps } from './PageProps';
import { SectionIntro } from './SectionIntro';

export function PayoutsPage({ tr }: PageProps) {
  return (
    <SectionIntro
      title={tr('page.payouts.title')}
      intro={tr('page.payouts.intro')}
      note={tr('page.comingSoon')}
    />
  );
}
