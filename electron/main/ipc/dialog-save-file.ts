import { saveFile } from '../services/dialogs';
import type { Handler } from './types';

export const dialogSaveFile: Handler<'dialog:saveFile'> = (event, request) => saveFile(event.sender, request);
