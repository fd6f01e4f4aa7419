/**
 * The import worker: reads and checks one workbook off the main thread, so the screen
 * answers while a province's workbook is read. Messages: a ReadRequest in; `{ step:
 * 'check' }` once the workbook is open, then `{ outcome }` (or `{ failure }`: a bug,
 * shown as one Chinese message by the import button).
 */
import { readWorkbook, type ReadRequest } from './read-workbook';

export type WorkerMessage = { step: 'check' } | { outcome: Awaited<ReturnType<typeof readWorkbook>> } | { failure: string };

const post = (message: WorkerMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ReadRequest>) => {
  readWorkbook(event.data, () => post({ step: 'check' })).then(
    (outcome) => post({ outcome }),
    (error: unknown) => post({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
};
