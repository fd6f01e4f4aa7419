import { savePdf } from '../services/print';
import type { Handler } from './types';

export const printSavePdf: Handler<'print:savePdf'> = (event, { suggestedName, landscape }) => savePdf(event.sender, suggestedName, landscape);
