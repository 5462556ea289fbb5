// Lambda entry of the ingest function: POST /articles, behind IAM auth.
import { extractEvents } from '../extract/index.js';
import { createApp } from '../http/app.js';
import { ingestRoutes } from '../http/ingest-routes.js';
import { readConfig } from '../shared/config.js';
import { createStore } from '../store/client.js';
import { lambdaHandler } from './lambda.js';

const config = readConfig();
const app = createApp();
ingestRoutes(app, {
  store: createStore(config),
  extract: extractEvents,
  now: () => new Date(),
  publicBaseUrl: config.PUBLIC_BASE_URL,
});

export const handler = lambdaHandler(app);
