import { openFiles } from '../services/dialogs';
import type { Handler } from './types';

export const dialogOpenFiles: Handler<'dialog:openFiles'> = (event, request) => openFiles(event.sender, request);
