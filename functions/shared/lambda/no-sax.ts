// Stands in for `sax` in the Lambda bundles (an esbuild alias, infra/bundling.ts).
// The `feed` package writes XML through xml-js, whose module also loads the sax
// parser for the XML-to-JS direction this project never uses (21 KB minified).
export function parser(): never {
  throw new Error('XML parsing is not available in this bundle');
}
