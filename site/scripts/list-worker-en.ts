/** The contact-list worker with its English text (the page /en/check-list/ loads this one). */
import text from '../lib/list/text-en.ts';
import { enQuestion as questionnaireText } from '../lib/qtext.ts';
import { runListWorker } from './list-worker.ts';

runListWorker(text, questionnaireText);
