/**
 * What `npm start` prints once the platform is up: where it listens, where the demo credentials are,
 * and a curl that reads the key from that file. Never a key itself: stdout ends up in terminals,
 * scrollback, CI logs and log collectors, while the credentials file is readable by its owner only.
 */

/** `s` as one single-quoted shell word. */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const TRY_QUERY = '{ agents(first: 3) { edges { node { name role experience location { name } } } } }';

/** The banner lines; `credentialsFile` is the absolute path of demo-credentials.json, or null without demo data. */
export function startBanner(gatewayUrl: string, credentialsFile: string | null): string[] {
  const out = ['', `Coaching platform ready: ${gatewayUrl}  (graphql-ws on the same path)`];
  if (credentialsFile) {
    out.push(
      `Demo credentials: ${credentialsFile}  (API keys of the demo tenants; readable by you only)`,
      'Try:',
      `  KEY=$(node -p 'require(process.argv[1]).tenants[0].apiKey' ${shellQuote(credentialsFile)})`,
      `  curl -s ${gatewayUrl} -H 'content-type: application/json' -H "x-api-key: $KEY" \\`,
      `    -d '${JSON.stringify({ query: TRY_QUERY })}'`,
    );
  }
  return out;
}
