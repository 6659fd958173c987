// History: versions of a plan, who submitted them, and their differences (being built).
import type { PageProps } from './PageProps';
import { SectionIntro } from './SectionIntro';

export function HistoryPage({ tr }: PageProps) {
  return (
    <SectionIntro
      title={tr('page.history.title')}
      intro={tr('page.history.intro')}
      note={tr('page.comingSoon')}
    />
  );
}
