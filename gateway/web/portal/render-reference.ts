/**
 * HTML of the API reference (gateway/web/portal/reference.ts): one section per type with its owner
 * subgraphs, fields (type, arguments with defaults, description, deprecation, owners) or enum values.
 * Each type and field carries `data-search` (its name and description, lower case), which the portal's
 * search script (web/portal/main.ts) filters on; without JavaScript everything is shown.
 */
import { escapeHtml } from '../page';
import type { GraphQLSchema } from 'graphql';
import type { ApiReference, RefArgument, RefEnumValue, RefField, RefKind, RefType } from './reference';
import { tryItHref } from './try-it';

const KIND_LABEL: Record<RefKind, string> = {
  OBJECT: 'type',
  INTERFACE: 'interface',
  UNION: 'union',
  ENUM: 'enum',
  INPUT_OBJECT: 'input',
  SCALAR: 'scalar',
};

/** Inline Markdown code spans (`x`) of descriptions as <code>; everything else escaped. */
function prose(text: string | null): string {
  if (!text) return '';
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

const searchText = (...parts: (string | null)[]) => escapeHtml(parts.filter(Boolean).join(' ').toLowerCase());

/** `[Agent!]!` with the named type linked to its section. */
function typeLink(type: string, known: Set<string>): string {
  return escapeHtml(type).replace(/[A-Za-z_][A-Za-z0-9_]*/g, (name) =>
    known.has(name) ? `<a href="#type-${name}">${name}</a>` : name,
  );
}

const owners = (list: string[]) =>
  list.length
    ? `<span class="owners"><span class="label">Owner:</span> ${list.map((o) => `<span class="owner">${escapeHtml(o)}</span>`).join(' ')}</span>`
    : '';

const deprecated = (reason: string | null) =>
  reason === null ? '' : `<p class="deprecated"><strong>Deprecated:</strong> ${prose(reason)}</p>`;

function argumentItem(arg: RefArgument, known: Set<string>): string {
  const def = arg.defaultValue === null ? '' : ` = <code>${escapeHtml(arg.defaultValue)}</code>`;
  const desc = arg.description ? ` — ${prose(arg.description)}` : '';
  const dep =
    arg.deprecationReason === null ? '' : ` <strong>(deprecated: ${prose(arg.deprecationReason)})</strong>`;
  return `<li><code>${escapeHtml(arg.name)}: ${typeLink(arg.type, known)}</code>${def}${desc}${dep}</li>`;
}

function fieldItem(typeName: string, field: RefField, known: Set<string>, schema: GraphQLSchema): string {
  const href = tryItHref(schema, typeName, field.name);
  const tryIt = href
    ? `<p class="try-it"><a href="${escapeHtml(href)}">Try <code>${escapeHtml(field.name)}</code> in the explorer</a></p>`
    : '';
  const args = field.args.length
    ? `<ul class="args" aria-label="Arguments of ${escapeHtml(field.name)}">${field.args.map((a) => argumentItem(a, known)).join('')}</ul>`
    : '';
  return `<li class="field" id="field-${escapeHtml(typeName)}-${escapeHtml(field.name)}" data-search="${searchText(field.name, field.description)}">
<div class="signature"><code class="field-name">${escapeHtml(field.name)}</code>: <code>${typeLink(field.type, known)}</code> ${owners(field.owners)}</div>
${field.description ? `<p>${prose(field.description)}</p>` : ''}${deprecated(field.deprecationReason)}${args}${tryIt}
</li>`;
}

function enumItem(value: RefEnumValue): string {
  return `<li class="field" data-search="${searchText(value.name, value.description)}"><code class="field-name">${escapeHtml(value.name)}</code>${value.description ? ` — ${prose(value.description)}` : ''}${deprecated(value.deprecationReason)}</li>`;
}

function typeSection(type: RefType, known: Set<string>, schema: GraphQLSchema): string {
  const relations = [
    type.interfaces.length ? `Implements ${type.interfaces.map((i) => typeLink(i, known)).join(', ')}.` : '',
    type.members.length ? `One of ${type.members.map((m) => typeLink(m, known)).join(', ')}.` : '',
    type.specifiedByURL ? `Specified by <code>${escapeHtml(type.specifiedByURL)}</code>.` : '',
  ].filter(Boolean);
  const items =
    type.kind === 'ENUM'
      ? type.enumValues.map(enumItem)
      : type.fields.map((f) => fieldItem(type.name, f, known, schema));
  const listLabel = type.kind === 'ENUM' ? 'Values' : 'Fields';
  return `<section class="ref-type" id="type-${escapeHtml(type.name)}" aria-labelledby="type-${escapeHtml(type.name)}-h" data-search="${searchText(type.name, type.description)}">
<h3 id="type-${escapeHtml(type.name)}-h"><span class="kind">${KIND_LABEL[type.kind]}</span> ${escapeHtml(type.name)}</h3>
<p class="meta">${owners(type.owners)}</p>
${type.description ? `<p>${prose(type.description)}</p>` : ''}
${relations.length ? `<p>${relations.join(' ')}</p>` : ''}
${items.length ? `<ul class="fields" aria-label="${listLabel} of ${escapeHtml(type.name)}">${items.join('\n')}</ul>` : ''}
</section>`;
}

/** The reference section: a search field, then every type. */
export function renderReference(ref: ApiReference): string {
  const known = new Set(ref.types.map((t) => t.name));
  return `<section id="reference" aria-labelledby="reference-h">
<h2 id="reference-h">API reference</h2>
<p>Generated from the schema this gateway serves: ${ref.types.length} types. “Owner” is the subgraph that
resolves a type or field. Download it as <a href="/schema.graphql" download>schema.graphql</a>.</p>
<div class="search" role="search">
<label for="reference-search">Search types and fields</label>
<input id="reference-search" type="search" autocomplete="off" aria-describedby="reference-search-status" placeholder="e.g. AgentSession, coaching">
<p id="reference-search-status" role="status" aria-live="polite"></p>
</div>
<div id="reference-types">
${ref.types.map((t) => typeSection(t, known, ref.schema)).join('\n')}
</div>
</section>`;
}
