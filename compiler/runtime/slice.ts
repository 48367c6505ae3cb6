/**
 * Tables for one date and no full diagram: what a browser needs. The decision diagram settles the
 * answer and the per-rule diagrams give its reasons, so the full diagram (which names every
 * combination of deciding rules) can be left out; the answers stay exactly the same. The statute
 * texts stay (3 KB gzipped): the questionnaire's result opens each «Legal basis» to them.
 */
import { epochFor } from './diagram.ts';
import type { TableEpoch, Tables, TableTerminal } from './tables.ts';

/** Keeps only what deciding on `date` needs: `sliceTables(tables, '2026-11-29')`. */
export function sliceTables(tables: Tables, date: string): Tables {
  const sliced = keepEpochs(tables, [tables.epochs[epochFor(tables, date)]!]);
  // Which rule quotes which statute is for the rule reference; a result finds the texts by citation.
  const rules = sliced.rules.map(({ statutes: _s, ...r }) => r);
  const obligations = sliced.obligations.map(({ statutes: _s, ...o }) => o);
  return { ...sliced, rules, obligations };
}

/**
 * Every epoch without its full diagram: `withoutFullDiagrams(tables)`. Same answers, a fraction of
 * the size (the full diagrams name every combination of deciding rules: most of the nodes).
 */
export function withoutFullDiagrams(tables: Tables): Tables {
  return keepEpochs(tables, tables.epochs);
}

/** The tables with only the given epochs' decision and per-rule diagrams, renumbered. */
function keepEpochs(tables: Tables, epochs: TableEpoch[]): Tables {
  const nodes: number[][] = [];
  const terminals: TableTerminal[] = [];
  const nodeIds = new Map<number, number>();
  const terminalIds = new Map<number, number>();
  const visit = (h: number): number => {
    if (h < 0) {
      let t = terminalIds.get(h);
      if (t === undefined) {
        t = terminals.push(tables.terminals[-1 - h]!) - 1;
        terminalIds.set(h, t);
      }
      return -1 - t;
    }
    let id = nodeIds.get(h);
    if (id === undefined) {
      const [fact, ...kids] = tables.nodes[h]!;
      const mapped = [fact!, ...kids.map(visit)];
      id = nodes.push(mapped) - 1;
      nodeIds.set(h, id);
    }
    return id;
  };
  const sliced = epochs.map((epoch): TableEpoch => ({
    ...(epoch.from ? { from: epoch.from } : {}),
    ...(epoch.until ? { until: epoch.until } : {}),
    decision: visit(epoch.decision),
    decides: epoch.decides.map(visit),
  }));
  return { ...tables, nodes, terminals, epochs: sliced };
}
