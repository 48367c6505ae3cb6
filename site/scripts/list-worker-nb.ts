/** The contact-list worker with its bokmål text (the page /sjekk-liste/ loads this one). */
import text from '../lib/list/text-nb.ts';
import { nbQuestion as questionnaireText } from '../lib/qtext.ts';
import { runListWorker } from './list-worker.ts';

runListWorker(text, questionnaireText);
