import { SerializerSelector, type SerializerFactory } from '@fastify/fast-json-stringify-compiler';

/**
 * Fastify's own response serializer compiler, compiling each distinct schema once. At start Fastify
 * compiles a serializer for every status of every route; the error responses repeat on nearly all
 * of them, so of some 940 compilations only about 70 schemas differ, and the repeats were about
 * 0.3 s of each start. A serializer depends only on its schema (and on the shared schemas and
 * options, which are the same for one compiler), so routes with equal schemas share it. Every
 * schema is still compiled when the server starts, so a broken one still stops it there.
 *
 * Use: `Fastify({ schemaController: { compilersFactory: { buildSerializer: sharedSerializers() } } })`.
 */
export function sharedSerializers(): SerializerFactory {
  const build = SerializerSelector();
  return (externalSchemas, options) => {
    const compile = build(externalSchemas, options);
    const compiled = new Map<string, ReturnType<typeof compile>>();
    return (route) => {
      const key = JSON.stringify(route.schema);
      let serializer = compiled.get(key);
      if (!serializer) {
        serializer = compile(route);
        compiled.set(key, serializer);
      }
      return serializer;
    };
  };
}
