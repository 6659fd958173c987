// Plan: open the team's stored plan (its status and review on show), its open draft, or insert a blank
// template, allocate, check (the core at once, then the server), save a draft (stored, not submitted)
// and submit the next version (resubmit after a rejection); a stale base shows what changed. Each step's notice shows beside it. The use cases are
// in features/plan/.
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import { getMetric } from '@teamsheet/shared';
import { AllocatePanel } from '../features/plan/AllocatePanel';
import { ConflictNotice } from '../features/plan/ConflictNotice';
import { FindingsList } from '../features/plan/FindingsList';
import {
  CHOOSABLE_METRICS,
  usePlanSection,
  type PlanNotice,
  type PlanStep,
} from '../features/plan/usePlanSection';
import type { StoredVersion } from '../features/plan/storedPlan';
import type { Translate } from '../i18n';
import { UnitField, YearField } from '../components/PickFields';
import type { PageProps } from './PageProps';
import { SectionIntro, SectionBlock } from './SectionIntro';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  metrics: { display: 'flex', flexWrap: 'wrap' },
});

/** The notice of a step, beside it, in the language on show. */
function StepNotice({ notice, step, tr }: { notice: PlanNotice | null; step: PlanStep; tr: Translate }) {
  if (!notice || notice.step !== step) return null;
  return (
    <MessageBar intent={notice.intent} data-testid={notice.testId}>
      <MessageBarBody>{notice.parts.map((p) => tr(p.key, p.params)).join(' ')}</MessageBarBody>
    </MessageBar>
  );
}

const dateOf = (iso: string, locale: string) =>
  iso ? new Date(iso).toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' }) : '';

export function PlanPage(props: PageProps) {
  const { tr, locale, workbook, onError } = props;
  const styles = useStyles();
  const plan = usePlanSection(props);
  const { busy, notice, unitId, units, metrics, conflict, stored, latest, ownerNames, openDraft } = plan;
  const busyLabel = busy ? tr(`plan.busy.${busy}`) : '';
  const nameOf = (id: string) => ownerNames.get(id) ?? id;
  const statusText = (v: StoredVersion) => tr(`plan.status.${v.status}`);
  const chosen = stored?.find((v) => v.version === plan.chosenVersion) ?? latest;
  const hasStored = !!latest;
  const review = latest?.review;
  // One primary button in the section, the next step's: open the team's open draft (its newest work)
  // while the sheets do not hold it, else the stored plan while the sheets do not hold its latest
  // version, insert a template while there is neither, else submit.
  const next: 'openDraft' | 'open' | 'insert' | 'submit' =
    openDraft && plan.heldDraft !== openDraft.draft
      ? 'openDraft'
      : hasStored && plan.baseVersion !== latest?.version
        ? 'open'
        : !hasStored && plan.baseVersion === null
          ? 'insert'
          : 'submit';

  return (
    <SectionIntro title={tr('page.plan.title')} intro={tr('page.plan.intro')}>
      {busy ? <Spinner size="tiny" label={busyLabel} labelPosition="after" data-testid="plan-busy" /> : null}

      <SectionBlock testId="plan-open-block">
        <Text weight="semibold">{tr('plan.open.title')}</Text>
        <Text size={200}>{tr('plan.open.help')}</Text>
        <Text size={200} data-testid="plan-status">
          {stored === null
            ? tr('plan.open.loading')
            : latest
              ? tr('plan.open.status', {
                  version: latest.version,
                  status: statusText(latest),
                  author: latest.authorName ?? nameOf(latest.author),
                  date: dateOf(latest.createdAt, locale),
                })
              : openDraft
                ? null
                : tr('plan.open.none', { unit: nameOf(unitId), year: plan.year })}
        </Text>
        {openDraft ? (
          <MessageBar intent="info" data-testid="plan-draft">
            <MessageBarBody>
              {tr('plan.draft.status', {
                draft: openDraft.draft,
                author: openDraft.authorName ?? nameOf(openDraft.author),
                date: dateOf(openDraft.createdAt, locale),
                errors: openDraft.summary.errors,
                warnings: openDraft.summary.warnings,
              })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {latest && review?.decision === 'reject' ? (
          <MessageBar intent="warning" data-testid="plan-review">
            <MessageBarBody>
              {tr('plan.open.rejected', {
                by: review.byName ?? nameOf(review.by),
                date: dateOf(review.at, locale),
                comment: review.comment ?? '',
              })}
            </MessageBarBody>
          </MessageBar>
        ) : latest && review?.decision === 'approve' ? (
          <MessageBar intent="success" data-testid="plan-review">
            <MessageBarBody>
              {tr('plan.open.approved', {
                by: review.byName ?? nameOf(review.by),
                date: dateOf(review.at, locale),
              })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {stored && stored.length > 1 ? (
          <Field label={tr('plan.open.version')}>
            <Dropdown
              data-testid="plan-version"
              value={
                chosen
                  ? tr('plan.open.versionOption', {
                      version: chosen.version,
                      status: statusText(chosen),
                      date: dateOf(chosen.createdAt, locale),
                    })
                  : ''
              }
              selectedOptions={chosen ? [String(chosen.version)] : []}
              onOptionSelect={(_, d) => plan.setChosenVersion(Number(d.optionValue))}
            >
              {[...stored].reverse().map((v) => {
                const text = tr('plan.open.versionOption', {
                  version: v.version,
                  status: statusText(v),
                  date: dateOf(v.createdAt, locale),
                });
                return (
                  <Option key={v.version} value={String(v.version)} text={text}>
                    {text}
                  </Option>
                );
              })}
            </Dropdown>
          </Field>
        ) : null}
        {openDraft ? (
          <Button
            appearance={next === 'openDraft' ? 'primary' : 'secondary'}
            disabled={busy !== null}
            onClick={() => void plan.openTheDraft()}
            data-testid="plan-open-draft"
          >
            {tr('plan.draft.open', { draft: openDraft.draft })}
          </Button>
        ) : null}
        {hasStored && chosen ? (
          <Button
            appearance={next === 'open' ? 'primary' : 'secondary'}
            disabled={busy !== null}
            onClick={() => void plan.open()}
            data-testid="plan-open"
          >
            {tr('plan.open.button', { version: chosen.version })}
          </Button>
        ) : null}
        <StepNotice notice={notice} step="open" tr={tr} />
      </SectionBlock>

      <SectionBlock>
        <Text weight="semibold">{tr('plan.insert.title')}</Text>
        <Text size={200}>{tr('plan.insert.help')}</Text>
        <div className={styles.row}>
          <UnitField
            label={tr('plan.unit')}
            units={units}
            value={unitId}
            onChange={plan.setUnitId}
            testId="plan-unit"
          />
          <YearField label={tr('plan.year')} value={plan.year} onChange={plan.setYear} testId="plan-year" />
        </div>
        <Field label={tr('plan.metrics')}>
          <div className={styles.metrics}>
            {CHOOSABLE_METRICS.map((m) => (
              <Checkbox
                key={m}
                label={getMetric(m)?.label[locale] ?? m}
                data-metric={m}
                checked={metrics.includes(m)}
                onChange={(_, d) => plan.toggleMetric(m, d.checked === true)}
              />
            ))}
          </div>
        </Field>
        <Button
          appearance={next === 'insert' ? 'primary' : 'secondary'}
          disabled={busy !== null || !plan.org || metrics.length === 0}
          onClick={() => void plan.insert()}
          data-testid="plan-insert"
        >
          {tr('plan.insert.button')}
        </Button>
        <StepNotice notice={notice} step="insert" tr={tr} />
      </SectionBlock>

      <SectionBlock>
        <Text weight="semibold">{tr('plan.allocate.title')}</Text>
        <Text size={200}>{tr('plan.allocate.help')}</Text>
        <AllocatePanel
          tr={tr}
          locale={locale}
          workbook={workbook}
          refresh={plan.refresh}
          selectedRow={plan.selectedRow}
          onError={(e) => onError(e, 'workbook')}
          onWritten={plan.allocationWritten}
        />
      </SectionBlock>

      <SectionBlock>
        <Text weight="semibold">{tr('plan.check.title')}</Text>
        <Text size={200}>{tr('plan.check.help')}</Text>
        <Button disabled={busy !== null} onClick={() => void plan.check()} data-testid="plan-check">
          {tr('plan.check.button')}
        </Button>
        <StepNotice notice={notice} step="check" tr={tr} />
        {plan.findings ? <FindingsList findings={plan.findings} tr={tr} onSelect={plan.select} /> : null}
      </SectionBlock>

      <SectionBlock>
        <Text weight="semibold">{tr('plan.submit.title')}</Text>
        <Text size={200}>{tr('plan.submit.help')}</Text>
        <Text size={200} data-testid="plan-base">
          {plan.baseVersion
            ? tr('plan.submit.base', { version: plan.baseVersion })
            : tr('plan.submit.baseNone')}
        </Text>
        <Button
          appearance={next === 'submit' ? 'primary' : 'secondary'}
          disabled={busy !== null}
          onClick={() => void plan.submit()}
          data-testid="plan-submit"
        >
          {latest?.status === 'rejected' ? tr('plan.submit.resubmit') : tr('plan.submit.button')}
        </Button>
        <Button
          appearance="secondary"
          disabled={busy !== null}
          onClick={() => void plan.saveDraft()}
          data-testid="plan-save-draft"
        >
          {tr('plan.draft.save')}
        </Button>
        <StepNotice notice={notice} step="submit" tr={tr} />
        {conflict ? (
          <ConflictNotice
            conflict={conflict}
            tr={tr}
            locale={locale}
            onReload={() => void plan.reload(conflict.current)}
            onResubmit={() => void plan.submit(conflict.current)}
            ownerNames={ownerNames}
          />
        ) : null}
      </SectionBlock>

      <SectionBlock>
        <Text weight="semibold">{tr('page.plan.metrics')}</Text>
        <Text size={200}>{tr('page.plan.metricsHelp', { sheet: plan.metricsSheet })}</Text>
        <Button disabled={busy !== null} onClick={() => void plan.writeCatalog()} data-testid="write-metrics">
          {tr('page.plan.metricsButton')}
        </Button>
        {plan.catalogDone !== null ? (
          <MessageBar intent="success">
            <MessageBarBody>
              {tr('page.plan.metricsDone', { count: plan.catalogDone, sheet: plan.metricsSheet })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </SectionBlock>
    </SectionIntro>
  );
}
