/** What one IPC handler is: a typed function of the (already checked) request. */
import type { IpcMainInvokeEvent } from 'electron';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { DataLayout } from '../services/paths';

export interface HandlerContext {
  readonly layout: DataLayout;
  readonly log: (message: string) => void;
}

export type Handler<C extends Channel> = (event: IpcMainInvokeEvent, request: RequestOf<C>, context: HandlerContext) => Promise<ResponseOf<C>>;

export type Handlers = { [C in Channel]: Handler<C> };
