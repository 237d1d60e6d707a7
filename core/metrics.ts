/** Process-wide Prometheus registry (prom-client). */
import { Registry, collectDefaultMetrics, Histogram, Counter } from 'prom-client';

const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const metrics = {
  registry,
  requestDuration: new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request duration',
    labelNames: ['service'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  }),
  readModelWait: new Histogram({
    name: 'read_model_wait_seconds',
    help: 'How long a request waited for an id its event-fed read model had not seen yet, by outcome',
    labelNames: ['kind', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  }),
  requests: new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by outcome',
    labelNames: ['service', 'outcome'] as const,
    registers: [registry],
  }),
};
