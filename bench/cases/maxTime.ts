import type { Collection, Db, Document, Filter, FindOptions } from 'mongodb';

/**
 * A view of a database whose collections' `find` and `findOne` carry a server-side time limit
 * (maxTimeMS: FerretDB honours it and cancels its PostgreSQL query). CaseQueries takes no
 * options, and driver 7 has no client-wide limit (its `timeoutMS` has no effect), so the bench
 * adds the limit here, without touching the code it measures.
 */
export function withMaxTime(db: Db, maxTimeMS: number): Db {
  return new Proxy(db, {
    get(target, property, receiver): unknown {
      if (property !== 'collection') return Reflect.get(target, property, receiver);
      return <T extends Document>(name: string) => limitFinds(target.collection<T>(name), maxTimeMS);
    },
  });
}

function limitFinds<T extends Document>(collection: Collection<T>, maxTimeMS: number): Collection<T> {
  return new Proxy(collection, {
    get(target, property, receiver): unknown {
      if (property === 'find') return (filter: Filter<T> = {}, options: FindOptions = {}) => target.find(filter, { ...options, maxTimeMS });
      if (property === 'findOne') return (filter: Filter<T> = {}, options: FindOptions = {}) => target.findOne(filter, { ...options, maxTimeMS });
      return Reflect.get(target, property, receiver);
    },
  });
}
