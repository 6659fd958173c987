// Scores: scorecards, ratings, grades and ranks per person (being built).
import type { PageProps } from './PageProps';
import { SectionIntro } from './SectionIntro';

export function ScoresPage({ tr }: PageProps) {
  return (
    <SectionIntro
      title={tr('page.scores.title')}
      intro={tr('page.scores.intro')}
      note={tr('page.comingSoon')}
    />
  );
}
