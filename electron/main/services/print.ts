/**
 * Printing of the calling window as it shows now (the renderer switches to its
 * print view first): through the system print dialog, or to a PDF file.
 */
import { writeFile } from 'node:fs/promises';
import type { PrintToPDFOptions, WebContents, WebContentsPrintOptions } from 'electron';
import type { SavedFile } from '../../../shared/ipc/contract';
import { DIALOG_PRESETS } from '../../../shared/ipc/dialogs';
import { askSavePath } from './dialogs';

export function printOptions(landscape: boolean): WebContentsPrintOptions {
  return { silent: false, printBackground: true, landscape, pageSize: 'A4' };
}

export function pdfOptions(landscape: boolean): PrintToPDFOptions {
  return {
    pageSize: 'A4',
    landscape,
    printBackground: true,
    // inches: 1 cm all round
    margins: { top: 0.4, bottom: 0.4, left: 0.4, right: 0.4 },
    generateDocumentOutline: true,
    generateTaggedPDF: true,
  };
}

export function withPdfExtension(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

/** True when printed, false when the person cancelled or printing failed. */
export function printWindow(sender: WebContents, landscape: boolean, log?: (m: string) => void): Promise<boolean> {
  return new Promise((resolve) => {
    sender.print(printOptions(landscape), (success, failureReason) => {
      if (!success && failureReason && !/cancel/i.test(failureReason)) log?.(`打印失败:${failureReason}`);
      resolve(success);
    });
  });
}

/** Renders the page to PDF (A4), then asks where to save it; null if cancelled. */
export async function savePdf(sender: WebContents, suggestedName: string, landscape: boolean): Promise<SavedFile | null> {
  const pdf = await sender.printToPDF(pdfOptions(landscape));
  const target = await askSavePath(sender, { ...DIALOG_PRESETS.savePdf, suggestedName: withPdfExtension(suggestedName) });
  if (target === null) return null;
  await writeFile(target, pdf);
  return { path: target };
}
