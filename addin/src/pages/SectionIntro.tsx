// The head of a section page: its title and, in words, what it does.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  note: { color: tokens.colorNeutralForeground3 },
});

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
