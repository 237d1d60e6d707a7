/**
 * The API explorer: GraphiQL 4 bundled from npm (no CDN), on this gateway's GraphQL endpoint. Queries and
 * mutations go over HTTP, subscriptions over graphql-ws on the same origin's path (ws:// or wss://), both
 * with the visitor's credential from the server-rendered form (web/explorer/credential.ts). `?query=` and
 * `?variables=` in the URL open an operation (the portal's reference can link to one). Without a
 * credential it documents the public schema the portal serves (/schema.graphql) instead of introspecting:
 * a production gateway answers introspection to signed-in callers only (INTROSPECTION=authenticated).
 */
import 'graphiql/style.css';
import './explorer.css';
import { useEffect, useMemo, useState } from 'react';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { createRoot, type Root } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import { repairGraphiQL } from './a11y';
import {
  credentialConnectionParams,
  credentialHeaders,
  describeCredential,
  loadCredential,
  saveCredential,
  type Credential,
  type CredentialKind,
} from './credential';

interface ExplorerProps {
  graphqlPath: string;
  credential: Credential | null;
  query?: string;
  variables?: string;
}

function wsUrl(path: string): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

/** The public schema from /schema.graphql (null while it loads or if it cannot). */
function usePublicSchema(): GraphQLSchema | null {
  const [schema, setSchema] = useState<GraphQLSchema | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/schema.graphql')
      .then((res) => (res.ok ? res.text() : Promise.reject(new Error(`HTTP ${res.status}`))))
      .then((sdl) => live && setSchema(buildSchema(sdl)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return schema;
}

function Explorer({ graphqlPath, credential, query, variables }: ExplorerProps) {
  const publicSchema = usePublicSchema();
  const wsClient = useMemo(
    () =>
      createClient({
        url: wsUrl(graphqlPath),
        lazy: true,
        connectionParams: () => credentialConnectionParams(credential),
      }),
    [graphqlPath, credential],
  );
  useEffect(() => () => void wsClient.dispose(), [wsClient]);
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: `${location.origin}${graphqlPath}`,
        wsClient,
        headers: credentialHeaders(credential),
        enableIncrementalDelivery: false,
      }),
    [graphqlPath, credential, wsClient],
  );
  return (
    <GraphiQL
      fetcher={fetcher}
      // undefined: introspect with the credential; a schema or null: no introspection request at all
      schema={credential ? undefined : publicSchema}
      query={query}
      variables={variables}
      defaultEditorToolsVisibility
    >
      <GraphiQL.Logo>Explorer</GraphiQL.Logo>
    </GraphiQL>
  );
}

function bindForm(onChange: (c: Credential | null) => void): void {
  const form = document.querySelector<HTMLFormElement>('#credential-form');
  const kind = document.querySelector<HTMLSelectElement>('#credential-kind');
  const value = document.querySelector<HTMLInputElement>('#credential-value');
  const clear = document.querySelector<HTMLButtonElement>('#credential-clear');
  const status = document.querySelector<HTMLElement>('#credential-status');
  if (!form || !kind || !value || !clear || !status) return;
  const show = (c: Credential | null) => {
    status.textContent = describeCredential(c);
  };
  const current = loadCredential();
  if (current) {
    kind.value = current.kind;
    value.value = current.value;
  }
  show(current);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const c: Credential | null = value.value.trim()
      ? {
          kind: kind.value === 'bearer' ? 'bearer' : ('api-key' satisfies CredentialKind),
          value: value.value.trim(),
        }
      : null;
    saveCredential(c);
    show(c);
    onChange(c);
  });
  clear.addEventListener('click', () => {
    value.value = '';
    saveCredential(null);
    show(null);
    onChange(null);
  });
}

function start(): void {
  const host = document.querySelector<HTMLElement>('#graphiql');
  const main = document.querySelector<HTMLElement>('#main');
  if (!host || !main) return;
  const graphqlPath = main.dataset['graphqlPath'] ?? '/graphql';
  const params = new URLSearchParams(location.search);
  const query = params.get('query') ?? undefined;
  const variables = params.get('variables') ?? undefined;
  const root: Root = createRoot(host);
  const render = (credential: Credential | null) =>
    root.render(
      <Explorer graphqlPath={graphqlPath} credential={credential} query={query} variables={variables} />,
    );
  bindForm(render);
  render(loadCredential());
  repairGraphiQL(host);
}

start();
