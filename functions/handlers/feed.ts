// Lambda entry of the feed function: the read-only routes over the shared store.
import { createApp } from '../http/app.js';
import { feedRoutes } from '../http/feed-routes.js';
import { readConfig } from '../shared/config.js';
import { createFeedStore } from '../store/client.js';
import { lambdaHandler } from './lambda.js';

const config = readConfig();
const app = createApp();
// the page cache and the marker memo live as long as this (warm) instance
feedRoutes(app, {
  store: createFeedStore(config),
  publicBaseUrl: config.PUBLIC_BASE_URL,
  cursorKey: config.CURSOR_KEY,
});

export const handler = lambdaHandler(app);
