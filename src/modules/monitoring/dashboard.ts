/**
 * CloudWatch dashboard bodies as data: groups of graphs, laid out on the dashboard grid. Exported so
 * consumers can add their own groups and graphs to a Monitoring dashboard.
 */

export type Dimensions = Readonly<Record<string, string>>;

/** A row of a metric widget's `metrics`: [namespace, name, dim, value, ..., options] or [{ expression }]. */
export type MetricRow = readonly unknown[];

export interface DashboardGraph {
  /** Shown after the group's title. */
  readonly title: string;
  /** The metrics and expressions graphed (metricRow, expressionRow). */
  readonly rows: MetricRow[];
  /** Statistic of rows that do not set their own. @default "Average" */
  readonly stat?: string;
  /** Left axis label. @default none */
  readonly yLabel?: string;
  /** A horizontal line at the alarm threshold the graph is about. @default none */
  readonly threshold?: { readonly label: string; readonly value: number };
}

export interface DashboardGroup {
  /** Group name; every graph title starts with it. */
  readonly title: string;
  /** Period of every graph in the group, in seconds. */
  readonly period: number;
  /** One line under the group's header. */
  readonly summary: string;
  /** Laid out two per row. */
  readonly graphs: DashboardGraph[];
}

export function metricRow(namespace: string, metricName: string, dimensions: Dimensions, options: Record<string, unknown> = {}): MetricRow {
  const dims = Object.entries(dimensions).flat();
  return Object.keys(options).length > 0 ? [namespace, metricName, ...dims, options] : [namespace, metricName, ...dims];
}

export function expressionRow(id: string, expression: string, label?: string): MetricRow {
  return [label === undefined ? { id, expression } : { id, expression, label }];
}

/** CloudWatch dashboards are a 24-column grid; two graphs per row keeps them readable on a laptop. */
const GRID_COLUMNS = 24;
const GRAPH_SIZE = { width: 12, height: 6 } as const;
const HEADER_HEIGHT = 1;

/** Header text widget, then graphs two per row, group after group; groups without graphs are left out. */
export function layOut(groups: readonly DashboardGroup[], region: string): Record<string, unknown>[] {
  const widgets: Record<string, unknown>[] = [];
  let y = 0;
  for (const group of groups.filter((g) => g.graphs.length > 0)) {
    widgets.push({
      type: "text",
      x: 0,
      y,
      width: GRID_COLUMNS,
      height: HEADER_HEIGHT,
      properties: { markdown: `### ${group.title}: ${group.summary} (period ${group.period} s)` },
    });
    y += HEADER_HEIGHT;
    const perRow = GRID_COLUMNS / GRAPH_SIZE.width;
    group.graphs.forEach((graph, i) => {
      widgets.push({
        type: "metric",
        x: (i % perRow) * GRAPH_SIZE.width,
        y: y + Math.floor(i / perRow) * GRAPH_SIZE.height,
        width: GRAPH_SIZE.width,
        height: GRAPH_SIZE.height,
        properties: {
          title: `${group.title}: ${graph.title}`,
          view: "timeSeries",
          region,
          period: group.period,
          stat: graph.stat ?? "Average",
          metrics: graph.rows,
          ...(graph.yLabel ? { yAxis: { left: { label: graph.yLabel, showUnits: false } } } : {}),
          ...(graph.threshold ? { annotations: { horizontal: [graph.threshold] } } : {}),
        },
      });
    });
    y += Math.ceil(group.graphs.length / perRow) * GRAPH_SIZE.height;
  }
  return widgets;
}
