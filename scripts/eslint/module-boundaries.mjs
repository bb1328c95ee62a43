/**
 * `local/module-boundaries`: a server module (`server/src/<module>/`) reaches another module through that
 * module's services and the read models they return, never through its `*.entity` files (and so never
 * through a TypeORM repository of its entities, which needs the entity class). See docs/architecture.md.
 *
 * Options: `{ baseline: { 'server/src/x/file.ts': ['../y/z.entity', …] } }` — imports that existed when the
 * rule came in. A baseline entry whose import is gone is reported too, so the list can only shrink.
 */
import path from 'node:path';

const SERVER_SRC = /(?:^|\/)server\/src\/([^/]+)\//;

export default {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: {
          baseline: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      entity:
        "'{{source}}' is the {{owner}} module's entity: ask {{owner}}'s service for what you need (a read model such as a snapshot interface) instead.",
      stale: "Baseline entry '{{source}}' for this file no longer matches an import: delete it from eslint.config.mjs.",
    },
  },
  create(context) {
    const filename = context.filename.split(path.sep).join('/');
    const own = SERVER_SRC.exec(filename);
    if (!own) return {};
    const relative = filename.slice(own.index + (own[0].startsWith('/') ? 1 : 0));
    const allowed = new Set(context.options[0]?.baseline?.[relative] ?? []);
    const used = new Set();

    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.') || !/\.entity(\.[jt]s)?$/.test(source)) return;
      const target = path.posix.join(path.posix.dirname(filename), source);
      const owner = SERVER_SRC.exec(target)?.[1];
      if (!owner || owner === own[1]) return;
      if (allowed.has(source)) {
        used.add(source);
        return;
      }
      context.report({ node: node.source, messageId: 'entity', data: { source, owner } });
    }

    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      'Program:exit'(program) {
        for (const source of allowed)
          if (!used.has(source)) context.report({ node: program, messageId: 'stale', data: { source } });
      },
    };
  },
};
