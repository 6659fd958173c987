// The head of a section page: its title and, in words, what it does; and a block of the section (one
// task, its buttons and its notice), set apart by a rule above it.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  note: { color: tokens.colorNeutralForeground3 },
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    paddingTop: '8px',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/** One task of a section: its help, its buttons (one primary) and the notice of the last of them run. */
export function SectionBlock({ children, testId }: { children?: ReactNode; testId?: string }) {
  return (
    <div className={useStyles().block} data-testid={testId}>
      {children}
    </div>
  );
}

export function SectionIntro({
  title,
  intro,
  note,
  children,
}: {
  title: string;
  intro: string;
  note?: string;
  children?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={styles.root} data-testid="page">
      <Text as="h2" size={500} weight="semibold">
        {title}
      </Text>
      <Text>{intro}</Text>
      {note ? (
        <Text size={200} className={styles.note}>
          {note}
        </Text>
      ) : null}
      {children}
    </section>
  );
}
