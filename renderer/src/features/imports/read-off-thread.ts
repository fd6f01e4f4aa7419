/**
 * Reads and checks a workbook in a Web Worker (read.worker.ts, one per import), or on
 * this thread where there is no Worker (unit tests in Node). The preview, the choices
 * and the write stay on the main thread (db/imports.ts).
 */
import { readWorkbook, type ReadOutcome, type ReadRequest } from './read-workbook';
import type { WorkerMessage } from './read.worker';

export async function readOffThread(request: ReadRequest, onChecking: () => void): Promise<ReadOutcome> {
  if (typeof Worker === 'undefined') return readWorkbook(request, onChecking);
  const worker = new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module', name: '导入' });
  try {
    return await new Promise<ReadOutcome>((done, fail) => {
      worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
        const message = event.data;
        if ('step' in message) onChecking();
        else if ('outcome' in message) done(message.outcome);
        else fail(new Error(message.failure));
      };
      worker.onerror = (event) => fail(new Error(event.message || '导入线程无法启动'));
      worker.postMessage(request);
    });
  } finally {
    worker.terminate();
  }
}
