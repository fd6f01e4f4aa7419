import { printWindow } from '../services/print';
import type { Handler } from './types';

export const printPrint: Handler<'print:print'> = (event, { landscape }, { log }) => printWindow(event.sender, landscape, log);
