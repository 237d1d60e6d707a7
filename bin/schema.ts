/** `npm run schema`: regenerates schema/<subgraph>.graphql and schema/supergraph.graphql from code. */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { composeFromCode } from './compose';

async function main(): Promise<void> {
  const { subgraphs, supergraph } = await composeFromCode();
  const dir = path.resolve(__dirname, '..', 'schema');
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, sdl] of Object.entries(subgraphs))
    fs.writeFileSync(path.join(dir, `${name}.graphql`), sdl);
  fs.writeFileSync(path.join(dir, 'supergraph.graphql'), supergraph);
  process.stdout.write(
    `wrote ${Object.keys(subgraphs).length} subgraph schemas and the supergraph to ${dir}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
