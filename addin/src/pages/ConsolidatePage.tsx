// Consolidate: roll-up of the teams' plans in the user's scope (being built).
import type { PageProps } from './PageProps';
import { SectionIntro } from './SectionIntro';

export function ConsolidatePage({ tr }: PageProps) {
  return (
    <SectionIntro
      title={tr('page.consolidate.title')}
      intro={tr('page.consolidate.intro')}
      note={tr('page.comingSoon')}
    />
  );
}
