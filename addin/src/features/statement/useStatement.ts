// The Statement section's state: the month on show (the newest with an approved run, then the one
// picked), the statement read for it, which line is explained or questioned, and each block's notice
// as a key and its parameters. Questions are sent with an Idempotency-Key (WriteAttempt).
import { useCallback, useEffect, useState } from 'react';
import { WriteAttempt } from '../../api';
import type { PageProps } from '../../pages/PageProps';
import { useBusy } from '../common/useBusy';
import { writeStatementSheet } from './statementSheet';
import { askQuestion, readStatement, thisMonth, type Notice, type Statement } from './statement';

export function useStatement({ api, session, onError, workbook, tr, locale }: PageProps) {
  const personId = session.signIn.personId;
  const [period, setPeriod] = useState<string | null>(null);
  const [statement, setStatement] = useState<Statement | null>(null);
  const [explained, setExplained] = useState<string | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [askNotice, setAskNotice] = useState<{ lineId: string; notice: Notice } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt] = useState(() => new WriteAttempt());
  const [sheetNotice, setSheetNotice] = useState<Notice>(null);
  const { busy, run } = useBusy<'read' | 'ask' | 'sheet'>();

  const load = useCallback(
    (month: string, pickNewest: boolean) =>
      run('read', async () => {
        setFailure(null);
        try {
          let s = await readStatement(api, personId, month);
          // First look: the newest month of the year that an approved run pays.
          const newest = s.available.at(-1);
          if (pickNewest && s.status === 'none' && newest && newest !== month)
            s = await readStatement(api, personId, newest);
          setStatement(s);
          setPeriod(s.period);
        } catch (e) {
          setFailure(e);
          onError(e);
        }
      }),
    [api, personId, run, onError],
  );

  useEffect(() => {
    void load(thisMonth(), true);
    // Read once when the section opens; a month picked later reads again.
  }, [personId]);

  const pick = (month: string) => {
    setExplained(null);
    setAsking(null);
    setAskNotice(null);
    setSheetNotice(null);
    void load(month, false);
  };

  const startAsking = (lineId: string) => {
    setAsking(lineId);
    setComment('');
    setAskNotice(null);
  };

  const send = async () => {
    if (!statement || statement.status === 'none' || !asking) return;
    const line = statement.lines.find((l) => l.lineId === asking);
    if (!line) return;
    const lineId = asking;
    if (!comment.trim()) {
      setAskNotice({ lineId, notice: { intent: 'warning', key: 'statement.ask.required' } });
      return;
    }
    await run('ask', async () => {
      const body = { lineId, comment: comment.trim() };
      try {
        await attempt.send(JSON.stringify({ period: statement.period, ...body }), (key) =>
          askQuestion(api, { personId, period: statement.period }, body, key),
        );
        setAsking(null);
        setStatement(await readStatement(api, personId, statement.period));
        // The line's name is filled in when shown, in the language of that moment.
        setAskNotice({ lineId, notice: { intent: 'success', key: 'statement.ask.sent' } });
      } catch (e) {
        onError(e);
      }
    });
  };

  /** The statement on a sheet of its own, in the language of this moment (a sheet is written once). */
  const writeSheet = () =>
    run('sheet', async () => {
      if (!statement || statement.status === 'none') return;
      try {
        const written = await writeStatementSheet(workbook, statement, tr, locale);
        setSheetNotice({ intent: 'success', key: 'statement.sheet.written', params: written });
      } catch (e) {
        onError(e, 'workbook');
      }
    });

  return {
    period,
    writeSheet,
    sheetNotice,
    statement,
    busy,
    failure,
    explained,
    toggleExplain: (lineId: string) => setExplained((c) => (c === lineId ? null : lineId)),
    asking,
    startAsking,
    cancelAsking: () => setAsking(null),
    comment,
    setComment,
    askNotice,
    send,
    pick,
  };
}
