// Environment defaults of the local tools, set before anything reads them: imported
// first, so the SDK and the logger see these when their modules load.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// no CloudWatch here: metrics would only print embedded-metric JSON
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
// request logs are for CloudWatch; locally only warnings and errors
process.env.POWERTOOLS_LOG_LEVEL ??= process.env.LOG_LEVEL ?? 'WARN';
