/**
 * The committed schema/ must equal what the code generates, and the subgraphs must compose.
 * Fix a failure with `npm run schema` and commit the result.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeFromCode } from '../../bin/compose';

test('committed schema/*.graphql equal the schemas generated from code, and compose', async () => {
  const { subgraphs, supergraph } = await composeFromCode();
  const dir = path.resolve(__dirname, '../../schema');
  for (const [name, sdl] of Object.entries(subgraphs)) {
    expect({ name, sdl: fs.readFileSync(path.join(dir, `${name}.graphql`), 'utf8') }).toEqual({ name, sdl });
  }
  expect(fs.readFileSync(path.join(dir, 'supergraph.graphql'), 'utf8')).toEqual(supergraph);
  expect(supergraph).toContain('join__graph');
});
